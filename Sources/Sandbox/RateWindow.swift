/// A sliding-window request counter: at most `limit` requests in any `window` seconds.
struct SlidingWindow: Sendable {
    /// Requests allowed per window.
    var limit: Int
    /// The window length in seconds.
    var window: Double
    private var stamps: [Double] = []
    private var start = 0

    init(limit: Int, window: Double) {
        self.limit = limit
        self.window = window
    }

    /// Counts a request if it fits; returns the seconds until one would fit otherwise.
    mutating func admit(now: Double) -> Double? {
        while start < stamps.count && stamps[start] <= now - window { start += 1 }
        if start > 1024 {
            stamps.removeFirst(start)
            start = 0
        }
        guard stamps.count - start < limit else {
            return max(0, stamps[start] + window - now)
        }
        stamps.append(now)
        return nil
    }
}

/// A fixed-window counter (a clock minute, a UTC day), as Exact counts.
struct FixedWindow: Sendable {
    /// Requests allowed per window.
    var limit: Int
    /// The window length in seconds.
    var length: Double
    private var windowStart: Double = 0
    private(set) var used = 0

    init(limit: Int, length: Double) {
        self.limit = limit
        self.length = length
    }

    /// When the current window ends (seconds since 1970).
    func reset(now: Double) -> Double {
        (now / length).rounded(.down) * length + length
    }

    /// Requests left in the window containing `now`.
    func remaining(now: Double) -> Int {
        (now / length).rounded(.down) * length == windowStart ? max(0, limit - used) : limit
    }

    /// Counts a request; false when the window is used up.
    mutating func admit(now: Double) -> Bool {
        let current = (now / length).rounded(.down) * length
        if current != windowStart {
            windowStart = current
            used = 0
        }
        guard used < limit else { return false }
        used += 1
        return true
    }
}
