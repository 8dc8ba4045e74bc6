import Foundation

/// A client-side limit on how many requests a service gets in a rolling window, so a large run stays under the
/// service's documented budget instead of provoking 429s; it also holds every request back while the service has
/// said to wait (a `Retry-After`, or a rate-limit header reaching zero).
public actor RequestBudget {
    /// The most requests in any window; nil means unlimited.
    public nonisolated let limit: Int?
    /// The window's length.
    public nonisolated let window: Duration

    private let clock: any WallClock
    /// Grant times within the last window, oldest first, from `head` on.
    private var grants: [Date] = []
    private var head = 0
    private var pausedUntil: Date?

    /// A budget of `limit` requests per `window` of `clock`'s time; nil for none.
    public init(limit: Int?, per window: Duration, clock: any WallClock = SystemClock()) {
        self.limit = limit.map { max(1, $0) }
        self.window = window
        self.clock = clock
    }

    /// Waits until a request may be sent, and counts it.
    func acquire() async throws {
        while true {
            let now = clock.now
            if let pausedUntil, pausedUntil > now {
                try await sleep(until: pausedUntil)
                continue
            }
            guard let limit else { return }
            while head < grants.count, grants[head].addingTimeInterval(window.inSeconds) <= now { head += 1 }
            if head > 1024, head * 2 > grants.count {
                grants.removeFirst(head)
                head = 0
            }
            if grants.count - head < limit {
                grants.append(now)
                return
            }
            try await sleep(until: grants[head].addingTimeInterval(window.inSeconds))
        }
    }

    private func sleep(until moment: Date) async throws {
        try await clock.sleep(for: .milliseconds(Int64((moment.timeIntervalSince(clock.now) * 1000).rounded(.up))))
    }

    /// Holds every request back until `delay` from now has passed.
    func pause(for delay: Duration) {
        let until = clock.now.addingTimeInterval(delay.inSeconds)
        if let pausedUntil, pausedUntil >= until { return }
        pausedUntil = until
    }
}
