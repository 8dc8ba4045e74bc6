import AsyncHTTPClient
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The one HTTP discipline every client uses: loopback-or-https, a request budget, bounded parallelism, timeouts,
/// and retries with backoff and jitter on 429, 502, 503, 504 and broken connections, honouring `Retry-After`.
public final class HTTPService: Sendable {
    /// How this service is treated.
    public let configuration: HTTPServiceConfiguration
    /// What this service sent and received, and the time it took.
    public var figures: ServiceFigures { ownTally.current[configuration.name] ?? ServiceFigures() }

    private let ownTally = RequestTally()
    private let recorder: FigureRecorder

    private let client: HTTPClient
    private let budget: RequestBudget
    private let gate: ConcurrencyGate

    /// A service on the shared HTTP client.
    public init(_ configuration: HTTPServiceConfiguration, client: HTTPClient = HTTPService.sharedClient) {
        self.configuration = configuration
        self.client = client
        self.budget = RequestBudget(
            limit: configuration.budget, per: configuration.budgetWindow, clock: configuration.clock)
        self.gate = ConcurrencyGate(width: configuration.maximumConcurrentRequests)
        self.recorder = FigureRecorder(
            service: configuration.name, tallies: [ownTally] + (configuration.tally.map { [$0] } ?? []))
    }

    /// The process's HTTP client: redirects are never followed (each hop would need the https check), connects
    /// time out after 10 s.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .seconds(120)))
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 8)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// The statuses worth another try: throttling and the gateway family.
    static let retriedStatuses: Set<Int> = [429, 502, 503, 504]
    /// The statuses that prove the server did not act, so even a POST may be sent again.
    static let notProcessedStatuses: Set<Int> = [429, 503]

    /// Sends a request, retrying as the policy allows, and returns the last answer whatever its status.
    public func send(_ request: ServiceRequest) async throws(ServiceError) -> ServiceResponse {
        let name = configuration.name
        let redactor = configuration.redactor
        try TransportSecurity.check(request.url, service: name)
        let policy = configuration.retry
        var attempt = 0
        while true {
            attempt += 1
            // The budget is checked inside the gate, so requests queued behind a full gate still see a pause that
            // an answer just announced.
            let sent = await gate.run { () async -> (Outcome, Duration)? in
                guard (try? await budget.acquire()) != nil else { return nil }
                let start = ContinuousClock.now
                let outcome = await self.attempt(request)
                return (outcome, ContinuousClock.now - start)
            }
            guard let (outcome, elapsed) = sent else {
                throw ServiceError(.transport, service: name, request: request.display, message: "cancelled")
            }
            recorder.record { figures in
                figures.requests += 1
                figures.receiving += elapsed
                if case .answered(_, let headers, let body) = outcome {
                    figures.bytes += body.readableBytes
                    figures.serving += Self.serverTiming(headers)
                }
            }
            switch outcome {
            case .answered(let status, let headers, let body):
                if let wait = rateLimitWait(headers) {
                    log(request, "rate limit reached; waiting \(wait) for the reset", attempt: attempt, delay: wait)
                    await budget.pause(for: wait)
                }
                let retryable =
                    Self.retriedStatuses.contains(status)
                    && (request.isIdempotent || Self.notProcessedStatuses.contains(status))
                if retryable, attempt < policy.maximumAttempts {
                    let delay = try waitBeforeRetry(
                        status: status, headers: headers, attempt: attempt, request: request, body: body)
                    // Everyone waits: the service throttles the client as a whole, not one request.
                    if status == 429 { await budget.pause(for: delay) }
                    log(request, "retrying after HTTP \(status)", attempt: attempt, delay: delay)
                    recorder.record { figures in
                        figures.retries += 1
                        if status == 429 { figures.throttled += 1 }
                    }
                    await sleep(delay)
                    continue
                }
                log(request, "HTTP \(status)", attempt: attempt, delay: nil)
                return ServiceResponse(
                    status: status, headers: headers, body: body, request: request.display, service: name,
                    attempts: attempt, recorder: recorder)
            case .failed(let error):
                let phase = Self.phase(of: error)
                if phase == .cancelled {
                    throw ServiceError(.transport, service: name, request: request.display, message: "cancelled")
                }
                let safeToRepeat = phase == .beforeSending || request.isIdempotent
                if safeToRepeat, attempt < policy.maximumAttempts {
                    let delay = policy.backoff(afterAttempt: attempt)
                    log(request, "retrying after \(Self.describe(error))", attempt: attempt, delay: delay)
                    recorder.record { $0.retries += 1 }
                    await sleep(delay)
                    continue
                }
                if !safeToRepeat {
                    throw ServiceError(
                        .connectionLost, service: name, request: request.display,
                        message: "the connection broke before the answer was complete (\(Self.describe(error))); "
                            + "the request may have been applied, so it was not repeated",
                        attempts: attempt, redactor: redactor)
                }
                throw ServiceError(
                    .transport, service: name, request: request.display,
                    message: "could not complete the request: \(Self.describe(error))", attempts: attempt,
                    redactor: redactor)
            }
        }
    }

    /// What one attempt gave: an answer with its whole body, or a transport error.
    private enum Outcome: Sendable {
        case answered(Int, HTTPHeaders, ByteBuffer)
        case failed(any Error)
    }

    private func attempt(_ request: ServiceRequest) async -> Outcome {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method
        outgoing.headers = request.headers
        if !outgoing.headers.contains(name: "User-Agent") {
            outgoing.headers.add(name: "User-Agent", value: "haloform")
        }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let timeout = TimeAmount.nanoseconds(
            Int64(configuration.requestTimeout.components.seconds) * 1_000_000_000
                + configuration.requestTimeout.components.attoseconds / 1_000_000_000)
        let deadline = NIODeadline.now() + timeout
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            let body = try await response.body.collect(upTo: configuration.maximumBodyBytes)
            return .answered(Int(response.status.code), response.headers, body)
        } catch {
            return .failed(error)
        }
    }

    /// How long to wait before retrying a throttled or failed answer; a `Retry-After` beyond the policy's limit is
    /// an error rather than a long silent wait.
    private func waitBeforeRetry(
        status: Int, headers: HTTPHeaders, attempt: Int, request: ServiceRequest, body: ByteBuffer
    ) throws(ServiceError) -> Duration {
        let backoff = configuration.retry.backoff(afterAttempt: attempt)
        guard let retryAfter = Self.retryAfter(headers, now: configuration.clock.now) else { return backoff }
        guard retryAfter <= configuration.retry.maximumRetryAfter else {
            throw ServiceError(
                .status, service: configuration.name, status: status, request: request.display,
                message: "the service asks to wait \(retryAfter.components.seconds) s before retrying, "
                    + "more than the \(configuration.retry.maximumRetryAfter.components.seconds) s allowed",
                body: String(buffer: body), attempts: attempt, redactor: configuration.redactor)
        }
        return retryAfter
    }

    /// How long every request must wait when the service's own counter says nothing is left: until its reset.
    private func rateLimitWait(_ headers: HTTPHeaders) -> Duration? {
        guard let names = configuration.rateLimitHeaders,
            let remaining = headers.first(name: names.remaining).flatMap({
                Int($0.trimmingCharacters(in: .whitespaces))
            }),
            remaining <= 0,
            let reset = headers.first(name: names.reset).flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        let seconds = reset / 1000 - configuration.clock.now.timeIntervalSince1970
        guard seconds > 0 else { return nil }
        // A clock far off must not stall a run: never wait longer than one window.
        return min(Duration.milliseconds(Int64(seconds * 1000) + 50), configuration.budgetWindow)
    }

    /// The time a server reports in its `Server-Timing` header (W3C Server Timing): the sum of every
    /// metric's `dur`, in milliseconds on the wire.
    static func serverTiming(_ headers: HTTPHeaders) -> Duration {
        var total = 0.0
        for value in headers[canonicalForm: "Server-Timing"] {
            for parameter in value.split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == "dur",
                    let milliseconds = Double(pair[1].trimmingCharacters(in: .whitespaces))
                else { continue }
                total += milliseconds
            }
        }
        return .microseconds(Int64(total * 1000))
    }

    /// The `Retry-After` header as a duration: seconds, or an HTTP date.
    static func retryAfter(_ headers: HTTPHeaders, now: Date) -> Duration? {
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
    }

    /// Where a transport error happened, which decides whether a non-idempotent request may be repeated.
    enum FailurePhase: Equatable {
        /// The connection was never made: the server cannot have acted.
        case beforeSending
        /// The request may have reached the server.
        case afterSending
        /// The task was cancelled.
        case cancelled
    }

    static func phase(of error: any Error) -> FailurePhase {
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            if error == .cancelled { return .cancelled }
            if error == .connectTimeout { return .beforeSending }
            return .afterSending
        }
        if error is NIOConnectionError { return .beforeSending }
        if let error = error as? ChannelError, case .connectTimeout = error { return .beforeSending }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return .beforeSending
        }
        return .afterSending
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return error.shortDescription }
        if error is NIOConnectionError { return "connection refused or unreachable" }
        return String(describing: error)
    }

    private func sleep(_ delay: Duration) async {
        try? await configuration.clock.sleep(for: delay)
    }

    private func log(_ request: ServiceRequest, _ message: String, attempt: Int, delay: Duration?) {
        // Scrubbing costs a scan of the URL per request: only for a logger that will print it.
        guard configuration.logger.logLevel <= .debug else { return }
        var metadata: Logger.Metadata = ["service": "\(configuration.name)"]
        metadata["request"] = "\(configuration.redactor.scrub(request.display))"
        metadata["attempt"] = "\(attempt)"
        if let delay { metadata["delay"] = "\(delay)" }
        configuration.logger.debug("\(configuration.redactor.scrub(message))", metadata: metadata)
    }
}

extension HTTPClientError {
    /// A short phrase for messages.
    var shortDescription: String {
        switch self {
        case .remoteConnectionClosed: "the connection closed early"
        case .readTimeout: "read timed out"
        case .connectTimeout: "connect timed out"
        case .deadlineExceeded: "the request timed out"
        default: String(describing: self)
        }
    }
}
