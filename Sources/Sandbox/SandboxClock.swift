import Foundation

/// The sandbox's wall clock for token lifetimes, rate windows, daily budgets and injected latency: the system's,
/// shifted by a fixed offset (`HALOFORM_CLOCK_OFFSET`), or any time source a test moves.
public struct SandboxClock: Sendable {
    private let reading: @Sendable () -> Date
    private let sleeping: @Sendable (Duration) async throws -> Void

    /// A clock reading its time from `reading` and waiting with `sleep` (by default, really waiting).
    public init(
        _ reading: @escaping @Sendable () -> Date,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.reading = reading
        sleeping = sleep
    }

    /// The system's clock.
    public static let system = SandboxClock { Date() }

    /// The system's clock moved `offset` seconds.
    public static func shifted(by offset: TimeInterval) -> SandboxClock {
        offset == 0 ? .system : SandboxClock { Date().addingTimeInterval(offset) }
    }

    /// The current time.
    public var now: Date { reading() }

    /// The current time in seconds since 1970, as the emulators keep it.
    var secondsSince1970: Double { reading().timeIntervalSince1970 }

    /// Waits `duration` of this clock's time (an injected latency).
    public func sleep(for duration: Duration) async throws {
        try await sleeping(duration)
    }
}
