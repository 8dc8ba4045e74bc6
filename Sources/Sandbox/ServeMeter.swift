import NIOConcurrencyHelpers

/// Per system, the time the sandbox spent answering requests (emulating and encoding, not injected latency) and the
/// bytes it sent: what a benchmark subtracts to tell the sandbox's share of a fetch from the client's.
final class ServeMeter: Sendable {
    // A pthread lock rather than `Mutex`: ThreadSanitizer sees the one, not `Mutex`'s bare futex on Linux.
    private let figures = NIOLockedValueBox<[SandboxSystem: (serving: Duration, bytes: Int)]>([:])

    /// The figures since the last reset.
    var current: [SandboxSystem: (serving: Duration, bytes: Int)] { figures.withLockedValue { $0 } }

    /// Adds one answer.
    func record(_ system: SandboxSystem, serving: Duration, bytes: Int) {
        figures.withLockedValue { figures in
            figures[system, default: (.zero, 0)].serving += serving
            figures[system, default: (.zero, 0)].bytes += bytes
        }
    }

    /// Starts counting again.
    func reset() {
        figures.withLockedValue { $0 = [:] }
    }
}
