import Foundation
import Sandbox
import Synchronization

/// A time the test moves by hand, for a sandbox started with `clock`; the sandbox's waits move it too, and are
/// recorded.
final class MovableTime: Sendable {
    private let current: Mutex<Date>
    private let waits = Mutex<[Duration]>([])

    /// A time starting at `start`.
    init(start: Date = Date()) {
        current = Mutex(start)
    }

    /// The clock to give the sandbox.
    var clock: SandboxClock {
        SandboxClock({ self.current.withLock { $0 } }) { duration in
            self.waits.withLock { $0.append(duration) }
            self.advance(seconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
    }

    /// The waits the sandbox asked for, in order.
    var slept: [Duration] { waits.withLock { $0 } }

    /// Moves the time forward.
    func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
