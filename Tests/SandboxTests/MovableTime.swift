import Foundation
import Sandbox
import Synchronization

/// A time the test moves by hand, for a sandbox started with `clock`.
final class MovableTime: Sendable {
    private let current: Mutex<Date>

    /// A time starting at `start`.
    init(start: Date = Date()) {
        current = Mutex(start)
    }

    /// The clock to give the sandbox.
    var clock: SandboxClock { SandboxClock { self.current.withLock { $0 } } }

    /// Moves the time forward.
    func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
