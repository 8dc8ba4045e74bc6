import Logging

/// How one remote service is to be treated: its name, timeouts, retries, request budget and parallelism.
public struct HTTPServiceConfiguration: Sendable {
    /// The service's name in errors and logs ("Halo", "Exact Online", …).
    public var name: String
    /// The longest one attempt may take, answer body included.
    public var requestTimeout: Duration
    /// When to retry.
    public var retry: RetryPolicy
    /// The most requests per `budgetWindow`; nil turns the client-side limiter off (loopback benchmarks).
    public var budget: Int?
    /// The window `budget` counts in.
    public var budgetWindow: Duration
    /// The most requests in flight at once.
    public var maximumConcurrentRequests: Int
    /// Rate-limit headers the service sends; when the remaining count reaches 0, requests wait for the reset.
    public var rateLimitHeaders: RateLimitHeaders?
    /// The largest answer body accepted.
    public var maximumBodyBytes: Int
    /// Where request lines go (method, URL without query, status, attempt; never headers or bodies).
    public var logger: Logger
    /// Scrubs secrets from errors and logs.
    public var redactor: SecretRedactor
    /// The wall clock for backoff, `Retry-After`, the budget's window and token lifetimes.
    public var clock: any WallClock
    /// Where every request sent is also counted, by `name`, when a command wants its totals.
    public var tally: RequestTally?

    /// A configuration as given; the defaults suit an unattended run against a real service.
    public init(
        name: String, requestTimeout: Duration = .seconds(60), retry: RetryPolicy = .standard, budget: Int? = nil,
        budgetWindow: Duration = .seconds(60), maximumConcurrentRequests: Int = 4,
        rateLimitHeaders: RateLimitHeaders? = nil, maximumBodyBytes: Int = 512 << 20,
        logger: Logger = Logger(label: "haloform.http"), redactor: SecretRedactor = .shared,
        clock: any WallClock = SystemClock()
    ) {
        self.name = name
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.budget = budget
        self.budgetWindow = budgetWindow
        self.maximumConcurrentRequests = maximumConcurrentRequests
        self.rateLimitHeaders = rateLimitHeaders
        self.maximumBodyBytes = maximumBodyBytes
        self.logger = logger
        self.redactor = redactor
        self.clock = clock
    }

    /// The same configuration without a client-side budget, for loopback benchmarks.
    public func unlimited() -> HTTPServiceConfiguration {
        var copy = self
        copy.budget = nil
        return copy
    }
}

/// The names of a service's rate-limit headers: the requests left and when the count resets (epoch milliseconds).
public struct RateLimitHeaders: Sendable, Hashable {
    /// The header with the requests left in the current window.
    public var remaining: String
    /// The header with the window's end, in milliseconds since 1970.
    public var reset: String

    /// Header names as given.
    public init(remaining: String, reset: String) {
        self.remaining = remaining
        self.reset = reset
    }
}
