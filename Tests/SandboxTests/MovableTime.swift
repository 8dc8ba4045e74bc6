import Foundation
import Sandbox
import NIOConcurrencyHelpers

/// A time the test moves by hand, for a sandbox started with `clock`; the sandbox's waits move it too, and are
/// recorded.
final class MovableTime: Sendable {
    private let current: NIOLockedValueBox<Date>
    private let waits = NIOLockedValueBox<[Duration]>([])

    /// A time starting at `start`.
    init(start: Date = Date()) {
        current = NIOLockedValueBox(start)
    }

    /// The clock to give the sandbox.
    var clock: SandboxClock {
        SandboxClock({ self.current.withLockedValue { $0 } }) { duration in
            self.waits.withLockedValue { $0.append(duration) }
            self.advance(seconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
    }

    /// The waits the sandbox asked for, in order.
    var slept: [Duration] { waits.withLockedValue { $0 } }

    /// Moves the time forward.
    func advance(seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }
}
