/// What applying a plan costs: the requests apply will send to each system, and how long each system's documented
/// rate limit makes that take at least; with the requests the plan itself made.
public struct PlanCost: Sendable, Hashable, Decodable {
    /// One system's share.
    public struct System: Sendable, Hashable, Decodable {
        /// The system's name ("Halo", "Exact Online", …).
        public var name: String
        /// Requests the plan made to it (its fetch).
        public var planRequests: Int
        /// Requests apply will send to it: the same reads again, then its writes.
        public var applyRequests: Int
        /// The documented limit: at most this many requests…
        public var limit: Int?
        /// …per this many seconds.
        public var windowSeconds: Int
        /// How long apply's requests take at least at that limit: one full window for each limit's worth beyond the
        /// first.
        public var minimumSeconds: Int

        /// A system's share: `reads` made by the plan and made again by apply, `writes` sent by apply only.
        public init(name: String, reads: Int, writes: Int, limit: Int?, windowSeconds: Int) {
            self.name = name
            planRequests = reads
            applyRequests = reads + writes
            self.limit = limit
            self.windowSeconds = windowSeconds
            let sent = reads + writes
            if let limit, limit > 0, sent > 0 {
                minimumSeconds = (sent - 1) / limit * windowSeconds
            } else {
                minimumSeconds = 0
            }
        }

        enum CodingKeys: String, CodingKey {
            case name, limit
            case planRequests = "plan_requests", applyRequests = "apply_requests", windowSeconds = "window_seconds"
            case minimumSeconds = "minimum_seconds"
        }
    }

    /// The systems, Halo first.
    public var systems: [System]

    /// The cost of the systems given.
    public init(systems: [System]) {
        self.systems = systems
    }

    /// Requests the plan made, in all.
    public var planRequests: Int { systems.reduce(0) { $0 + $1.planRequests } }
    /// Requests apply will send, in all.
    public var applyRequests: Int { systems.reduce(0) { $0 + $1.applyRequests } }
    /// How long apply takes at least: the slowest system, as they are reached in parallel.
    public var minimumSeconds: Int { systems.map(\.minimumSeconds).max() ?? 0 }
}

extension PlanCost {
    /// Seconds as a reader says them: "0 s", "45 s", "5 min", "1 h 5 min".
    public static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        let minutes = (seconds + 59) / 60
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min")
    }

    /// A system's documented limit in words: "300 per 5 min", or "no documented limit".
    public static func limit(_ system: System) -> String {
        system.limit.map { "\($0) per " + (system.windowSeconds == 60 ? "minute" : duration(system.windowSeconds)) }
            ?? "no documented limit"
    }

}
