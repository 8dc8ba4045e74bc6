import NIOConcurrencyHelpers

/// Requests sent, by service name, across every `HTTPService` built from configurations that carry this tally: what
/// one command's fetch cost each system.
public final class RequestTally: Sendable {
    private let counts = NIOLockedValueBox<[String: Int]>([:])

    /// An empty tally.
    public init() {}

    /// The requests sent so far, by service name.
    public var current: [String: Int] { counts.withLockedValue { $0 } }

    func count(_ service: String) {
        counts.withLockedValue { $0[service, default: 0] += 1 }
    }
}
