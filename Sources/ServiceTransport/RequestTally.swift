import NIOConcurrencyHelpers

/// What one command's requests cost each system, by service name, across every `HTTPService` built from
/// configurations that carry this tally: requests, bytes, and where the time went.
public final class RequestTally: Sendable {
    private let figures = NIOLockedValueBox<[String: ServiceFigures]>([:])

    /// An empty tally.
    public init() {}

    /// The figures so far, by service name.
    public var current: [String: ServiceFigures] { figures.withLockedValue { $0 } }

    func record(_ service: String, _ change: (inout ServiceFigures) -> Void) {
        figures.withLockedValue { change(&$0[service, default: ServiceFigures()]) }
    }
}

/// One service's requests and the time spent on them.
public struct ServiceFigures: Sendable, Hashable {
    /// Requests sent, retries included.
    public var requests = 0
    /// Requests sent again, after a retryable answer or a broken connection.
    public var retries = 0
    /// Answers 429.
    public var throttled = 0
    /// Answer body bytes received.
    public var bytes = 0
    /// Summed time from sending each request to holding its whole answer (the server's time included).
    public var receiving: Duration = .zero
    /// Summed time the server said it spent (`Server-Timing` durations), when it says.
    public var serving: Duration = .zero
    /// Summed time spent reading answers into records.
    public var decoding: Duration = .zero
}

/// Where one service's figures go: the service's own tally, and the command's when it has one.
struct FigureRecorder: Sendable {
    /// The service's name, the tallies' key.
    let service: String
    /// The tallies it records into.
    let tallies: [RequestTally]

    /// Applies `change` to the service's figures in every tally.
    func record(_ change: (inout ServiceFigures) -> Void) {
        for tally in tallies { tally.record(service, change) }
    }
}
