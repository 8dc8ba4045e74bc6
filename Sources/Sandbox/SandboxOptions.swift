/// How to start a sandbox.
public struct SandboxOptions: Sendable {
    /// The state file; nil keeps the state in memory, seeded. A missing file is created from the seed.
    public var statePath: String?
    /// The address to listen on (loopback by default).
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// Faults to inject from the start.
    public var faults: SandboxFaults
    /// Halo's hosted rate limit in requests per rolling 5 minutes; nil turns it off.
    public var haloRateLimit: Int?
    /// Exact Online's limits per app and division (60 a minute, 5,000 a day); nil turns them off.
    public var exactRateLimit: ExactRateLimit?
    /// Business Central's limit per app in requests per sliding 5 minutes; nil turns it off.
    public var businessCentralRateLimit: Int?
    /// Sage's limit per business in requests per 60 seconds; nil turns it off.
    public var sageRateLimit: Int?
    /// Whether SIGINT and SIGTERM stop the server gracefully (for `haloform sandbox serve`).
    public var stopsOnSignals: Bool
    /// The clock tokens, rate windows and daily budgets are judged by.
    public var clock: SandboxClock

    /// Options with the real services' limits and no faults.
    public init(
        statePath: String? = nil, host: String = "127.0.0.1", port: Int = 0, faults: SandboxFaults = .none,
        haloRateLimit: Int? = 300, exactRateLimit: ExactRateLimit? = .standard, businessCentralRateLimit: Int? = 6000,
        sageRateLimit: Int? = 200, stopsOnSignals: Bool = false, clock: SandboxClock = .system
    ) {
        self.statePath = statePath
        self.host = host
        self.port = port
        self.faults = faults
        self.haloRateLimit = haloRateLimit
        self.exactRateLimit = exactRateLimit
        self.businessCentralRateLimit = businessCentralRateLimit
        self.sageRateLimit = sageRateLimit
        self.stopsOnSignals = stopsOnSignals
        self.clock = clock
    }
}

/// Exact Online's two request limits, counted per app and division.
public struct ExactRateLimit: Sendable, Equatable {
    /// Requests per clock minute.
    public var minutely: Int
    /// Requests per UTC day.
    public var daily: Int

    /// The limits Exact's knowledge base quotes: 60 a minute, 5,000 a day.
    public static let standard = ExactRateLimit(minutely: 60, daily: 5000)

    /// Limits as given.
    public init(minutely: Int, daily: Int) {
        self.minutely = minutely
        self.daily = daily
    }
}

/// The four emulated systems, named as in paths and stats.
public enum SandboxSystem: String, Sendable, CaseIterable {
    case halo
    case exactOnline = "exact-online"
    case businessCentral = "business-central"
    case sage
}
