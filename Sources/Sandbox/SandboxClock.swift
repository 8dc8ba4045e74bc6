import Foundation

/// The sandbox's wall clock for token lifetimes, rate windows and daily budgets: the system's, shifted by a fixed
/// offset (`HALOFORM_CLOCK_OFFSET`), or any time source a test moves.
public struct SandboxClock: Sendable {
    private let reading: @Sendable () -> Date

    /// A clock reading its time from `reading`.
    public init(_ reading: @escaping @Sendable () -> Date) {
        self.reading = reading
    }

    /// The system's clock.
    public static let system = SandboxClock { Date() }

    /// The system's clock moved `offset` seconds.
    public static func shifted(by offset: TimeInterval) -> SandboxClock {
        offset == 0 ? .system : SandboxClock { Date().addingTimeInterval(offset) }
    }

    /// The current time.
    public var now: Date { reading() }
}
