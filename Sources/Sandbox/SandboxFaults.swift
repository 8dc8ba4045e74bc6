/// Faults the sandbox injects on demand, reproducible from `seed`: the same seed and the same requests give the
/// same faults. Admin paths (`/_sandbox/...`) are never faulted.
public struct SandboxFaults: Sendable, Equatable {
    /// Seed of the fault generator; setting faults restarts it.
    public var seed: UInt64
    /// Fraction (0...1) of requests answered 429 with `Retry-After`.
    public var throttleRate: Double
    /// A 429 storm: this many requests in a row, from now on, are answered 429 with `Retry-After`.
    public var throttleBurst: Int
    /// The `Retry-After` seconds sent with injected 429s.
    public var retryAfterSeconds: Int
    /// Fraction (0...1) of requests answered 500, 502 or 503.
    public var serverErrorRate: Double
    /// Latency added to every answer, in milliseconds.
    public var latencyMilliseconds: Int
    /// Random extra latency of up to this many milliseconds.
    public var latencyJitterMilliseconds: Int
    /// When set, access tokens are issued with this lifetime in seconds (tokens that expire early).
    public var tokenLifetimeSeconds: Int?
    /// Fraction (0...1) of answers whose connection is closed half way through the body.
    public var dropConnectionRate: Double
    /// The systems faults apply to; empty means all: "halo", "exact-online", "business-central", "sage".
    public var systems: [String]

    /// No faults.
    public static let none = SandboxFaults()

    /// Faults as given; every parameter defaults to "off".
    public init(
        seed: UInt64 = 1, throttleRate: Double = 0, throttleBurst: Int = 0, retryAfterSeconds: Int = 1,
        serverErrorRate: Double = 0, latencyMilliseconds: Int = 0, latencyJitterMilliseconds: Int = 0,
        tokenLifetimeSeconds: Int? = nil, dropConnectionRate: Double = 0, systems: [String] = []
    ) {
        self.seed = seed
        self.throttleRate = throttleRate
        self.throttleBurst = throttleBurst
        self.retryAfterSeconds = retryAfterSeconds
        self.serverErrorRate = serverErrorRate
        self.latencyMilliseconds = latencyMilliseconds
        self.latencyJitterMilliseconds = latencyJitterMilliseconds
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.dropConnectionRate = dropConnectionRate
        self.systems = systems
    }

    /// Whether the faults touch a system.
    func applies(to system: SandboxSystem) -> Bool {
        systems.isEmpty || systems.contains(system.rawValue)
    }

    /// The JSON form the admin endpoint takes and answers.
    var json: JSON {
        .object([
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("throttle_rate", .double(throttleRate)),
            ("throttle_burst", .int(throttleBurst)),
            ("retry_after", .int(retryAfterSeconds)),
            ("error_rate", .double(serverErrorRate)),
            ("latency_ms", .int(latencyMilliseconds)),
            ("latency_jitter_ms", .int(latencyJitterMilliseconds)),
            ("token_lifetime", tokenLifetimeSeconds.map(JSON.int) ?? .null),
            ("drop_rate", .double(dropConnectionRate)),
            ("systems", .array(systems.map(JSON.string))),
        ])
    }

    /// Reads the JSON form; absent keys keep their defaults, a key of the wrong type is an error.
    init(json: JSON) throws(SandboxFaultsError) {
        guard let object = json.objectValue else { throw SandboxFaultsError(message: "faults must be a JSON object") }
        self.init()
        for member in object.members {
            try set(member.key, member.value.isNull ? nil : member.value.text, raw: member.value)
        }
    }

    /// Parses the command-line form: `seed=7,throttle=0.1,storm=20,retry-after=2,errors=0.05,latency=200,jitter=50,
    /// token-lifetime=5,drop=0.01,systems=halo+sage`.
    public init(parsing text: String) throws(SandboxFaultsError) {
        self.init()
        for item in text.split(separator: ",") where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                throw SandboxFaultsError(message: "fault '\(item)' needs the form name=value")
            }
            try set(String(parts[0]).trimming(" "), String(parts[1]).trimming(" "), raw: nil)
        }
    }

    private mutating func set(_ name: String, _ value: String?, raw: JSON?) throws(SandboxFaultsError) {
        func number() throws(SandboxFaultsError) -> Double {
            guard let value, let number = Double(value), number >= 0 else {
                throw SandboxFaultsError(message: "fault '\(name)' needs a non-negative number")
            }
            return number
        }
        func fraction() throws(SandboxFaultsError) -> Double {
            let value = try number()
            guard value <= 1 else { throw SandboxFaultsError(message: "fault '\(name)' is a fraction between 0 and 1") }
            return value
        }
        switch name.lowercased().replacingOccurrences(of: "-", with: "_") {
        case "seed": seed = UInt64(try number())
        case "throttle", "throttle_rate": throttleRate = try fraction()
        case "storm", "throttle_burst": throttleBurst = Int(try number())
        case "retry_after": retryAfterSeconds = Int(try number())
        case "errors", "error_rate": serverErrorRate = try fraction()
        case "latency", "latency_ms": latencyMilliseconds = Int(try number())
        case "jitter", "latency_jitter_ms": latencyJitterMilliseconds = Int(try number())
        case "token_lifetime": tokenLifetimeSeconds = value == nil ? nil : Int(try number())
        case "drop", "drop_rate": dropConnectionRate = try fraction()
        case "systems":
            if let list = raw?.arrayValue {
                systems = list.compactMap(\.stringValue)
            } else {
                systems = (value ?? "").split(whereSeparator: { $0 == "+" || $0 == " " }).map(String.init)
            }
            for system in systems where SandboxSystem(rawValue: system) == nil {
                throw SandboxFaultsError(
                    message: "unknown system '\(system)' (halo, exact-online, business-central, sage)")
            }
        default:
            throw SandboxFaultsError(message: "unknown fault '\(name)'")
        }
    }
}

/// A fault specification that could not be read.
public struct SandboxFaultsError: Error, CustomStringConvertible {
    /// What was wrong.
    public let message: String
    public var description: String { message }
}

extension String {
    /// The string with every occurrence of one substring replaced.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
