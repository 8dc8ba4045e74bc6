/// When and how long to wait before sending a request again.
public struct RetryPolicy: Sendable, Hashable {
    /// The most times one request is sent, the first included.
    public var maximumAttempts: Int
    /// The wait before the first retry; it doubles with each further one.
    public var baseDelay: Duration
    /// The longest computed wait.
    public var maximumDelay: Duration
    /// The longest `Retry-After` honoured; a service asking for more gives an error instead.
    public var maximumRetryAfter: Duration
    /// The share of each wait that is random (0 = none, 1 = "full jitter"), so parallel clients spread out.
    public var jitter: Double

    /// A policy as given.
    public init(
        maximumAttempts: Int = 6, baseDelay: Duration = .milliseconds(500), maximumDelay: Duration = .seconds(30),
        maximumRetryAfter: Duration = .seconds(300), jitter: Double = 0.5
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
        self.jitter = min(1, max(0, jitter))
    }

    /// The default for unattended runs: six attempts, 0.5 s doubling to 30 s, half of each wait random.
    public static let standard = RetryPolicy()

    /// No retries at all.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The wait after failed attempt number `attempt` (1-based), with jitter.
    func backoff(afterAttempt attempt: Int) -> Duration {
        let exponent = min(attempt - 1, 30)
        let computed = baseDelay * (1 << exponent)
        let capped = computed > maximumDelay ? maximumDelay : computed
        let factor = 1 - jitter * Double.random(in: 0...1)
        return capped * factor
    }
}
