import Foundation

/// Wall time and waiting for the HTTP discipline and the token handling, injected so that tests move time instead of
/// sleeping: `SystemClock` in a run (shifted by `HALOFORM_CLOCK_OFFSET` against the sandbox), `ManualClock` in tests.
public protocol WallClock: Sendable {
    /// The current wall time.
    var now: Date { get }
    /// Returns once `duration` of this clock's time has passed; throws when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The system's wall clock, optionally shifted by a fixed offset (never for a real service: see `HALOFORM_CLOCK_OFFSET`).
public struct SystemClock: WallClock {
    /// Seconds added to the system's time.
    public var offset: TimeInterval

    /// The system clock shifted by `offset` seconds.
    public init(offset: TimeInterval = 0) {
        self.offset = offset
    }

    public var now: Date { Date().addingTimeInterval(offset) }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
