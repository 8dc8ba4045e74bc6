import Foundation

/// The sandbox's single point of truth: holds the state, routes each request to its emulator one at a time (so
/// concurrent requests are safe), injects faults, counts requests and has changes saved.
actor SandboxEngine {
    private var state: SandboxState
    private var revision = 0
    private let writer: StateWriter?
    private var halo: HaloEmulator
    private var exactOnline: ExactEmulator
    private var businessCentral: BusinessCentralEmulator
    private var sage: SageEmulator
    private var faults: SandboxFaults
    private var faultRandom: StableRandom
    private var stormLeft: Int
    private var stats: [SandboxSystem: [String: Int]] = [:]
    /// Per system, the time spent answering and the answer bytes, since the last stats reset.
    nonisolated let meter = ServeMeter()
    /// The clock requests are judged and delayed by.
    nonisolated let clock: SandboxClock

    init(state: SandboxState, writer: StateWriter?, options: SandboxOptions) {
        self.state = state
        self.writer = writer
        halo = HaloEmulator(rateLimit: options.haloRateLimit)
        exactOnline = ExactEmulator(rateLimit: options.exactRateLimit)
        businessCentral = BusinessCentralEmulator(rateLimit: options.businessCentralRateLimit)
        sage = SageEmulator(rateLimit: options.sageRateLimit)
        faults = options.faults
        faultRandom = StableRandom(seed: options.faults.seed)
        stormLeft = options.faults.throttleBurst
        clock = options.clock
    }

    /// Answers one request.
    func respond(to request: SandboxRequest) async -> SandboxAnswer {
        let now = clock.secondsSince1970
        let system = Self.system(of: request)
        // Only Halo's reads leave Halo's state as it was; anything else may change it.
        if request.method != "GET" || system != .halo || request.segments.first == "_sandbox" { halo.forgetListing() }
        if request.segments.first == "_sandbox" {
            return await admin(request, now: now)
        }
        stats[system, default: [:]]["\(request.method) \(request.rawPath)", default: 0] += 1
        var injected: SandboxAnswer?
        var drop = false
        var delay = 0
        if faults.applies(to: system) {
            // Always draw the same number of values, so a seed replays the same faults for the same requests.
            let draws = (0..<5).map { _ in faultRandom.unit() }
            delay = faults.latencyMilliseconds + Int(draws[4] * Double(faults.latencyJitterMilliseconds))
            if stormLeft > 0 {
                stormLeft -= 1
                injected = Self.faultAnswer(system: system, status: 429, retryAfter: faults.retryAfterSeconds)
            } else if draws[0] < faults.throttleRate {
                injected = Self.faultAnswer(system: system, status: 429, retryAfter: faults.retryAfterSeconds)
            } else if draws[1] < faults.serverErrorRate {
                injected = Self.faultAnswer(
                    system: system, status: [500, 502, 503][Int(draws[2] * 3) % 3], retryAfter: nil)
            }
            drop = draws[3] < faults.dropConnectionRate
        }
        var answer: SandboxAnswer
        if let injected {
            answer = injected
        } else {
            let lifetime = faults.applies(to: system) ? faults.tokenLifetimeSeconds.map(Double.init) : nil
            let local = request.droppingFirstSegment(if: system != .halo)
            switch system {
            case .halo: answer = halo.respond(to: request, state: &state, now: now, tokenLifetime: lifetime)
            case .exactOnline: answer = exactOnline.respond(to: local, state: &state, now: now, tokenLifetime: lifetime)
            case .businessCentral:
                answer = businessCentral.respond(to: local, state: &state, now: now, tokenLifetime: lifetime)
            case .sage: answer = sage.respond(to: local, state: &state, now: now, tokenLifetime: lifetime)
            }
        }
        answer.dropConnection = drop
        answer.delayMilliseconds = delay
        answer.system = system
        if answer.changedState { await save() }
        return answer
    }

    /// Which system a path belongs to.
    private static func system(of request: SandboxRequest) -> SandboxSystem {
        switch request.segments.first {
        case SandboxSystem.exactOnline.rawValue: return .exactOnline
        case SandboxSystem.businessCentral.rawValue: return .businessCentral
        case SandboxSystem.sage.rawValue: return .sage
        default: return .halo
        }
    }

    /// An injected 429 or 5xx in the system's own error format.
    private static func faultAnswer(system: SandboxSystem, status: Int, retryAfter: Int?) -> SandboxAnswer {
        let message =
            status == 429 ? "Too many requests. Please retry later." : "The service is temporarily unavailable."
        var answer: SandboxAnswer
        switch system {
        case .halo:
            answer =
                status == 429
                ? .text(429, "Rate Limit Reached - 300 Requests per rolling 5 minute window") : .text(status, message)
        case .exactOnline: answer = ExactEmulator.error(status, message)
        case .businessCentral:
            answer = BusinessCentralEmulator.error(
                status, status == 429 ? "Application_TooManyRequests" : "Internal_ServerError", message)
        case .sage:
            answer = SageEmulator.error(status, status == 429 ? "TooManyRequests" : "InternalServerError", message)
        }
        if let retryAfter { answer.headers.append(("Retry-After", String(retryAfter))) }
        return answer
    }

    /// Queues the current state for saving.
    private func save() async {
        revision += 1
        await writer?.schedule(revision: revision, state: state)
    }

    /// Waits until the state file holds every change.
    func flush() async {
        await writer?.flush()
    }

    /// Restores the seed.
    func reset() async {
        state = SandboxSeed.state(at: clock.secondsSince1970)
        await save()
    }

    /// Replaces the faults and restarts their generator.
    func setFaults(_ faults: SandboxFaults) {
        self.faults = faults
        faultRandom = StableRandom(seed: faults.seed)
        stormLeft = faults.throttleBurst
    }

    // MARK: Admin

    private func admin(_ request: SandboxRequest, now: Double) async -> SandboxAnswer {
        let path = Array(request.segments.dropFirst())
        switch (request.method, path) {
        case ("GET", ["health"]):
            return .json(200, .object([("ok", true)]))
        case ("GET", ["faults"]):
            return .json(200, faults.json)
        case ("POST", ["faults"]), ("PUT", ["faults"]):
            let body = request.body.isEmpty ? JSON.object([:]) : ((try? request.jsonBody().get()) ?? .null)
            do {
                setFaults(try SandboxFaults(json: body))
                return .json(200, faults.json)
            } catch {
                return .json(400, .object([("error", .string(error.message))]))
            }
        case ("DELETE", ["faults"]):
            setFaults(.none)
            return .json(200, faults.json)
        case ("POST", ["reset"]):
            await reset()
            return .json(200, .object([("reset", true)]))
        case ("GET", ["stats"]):
            return .json(200, statsJSON)
        case ("DELETE", ["stats"]), ("POST", ["stats", "reset"]):
            stats = [:]
            meter.reset()
            halo.resetUnknownFields()
            return .json(200, statsJSON)
        case ("POST", ["tokens", "expire"]):
            let system = request.parameter("system").flatMap(SandboxSystem.init(rawValue:))
            let count = state.tokens.expireAll(system: system, now: now)
            await save()
            return .json(200, .object([("expired", .int(count))]))
        case ("POST", ["connect"]):
            let answer = HaloEmulator.connect((try? request.jsonBody().get()) ?? .null, state: &state, now: now)
            if answer.changedState { await save() }
            return answer
        case ("POST", ["limits"]):
            guard case .success(let body) = request.jsonBody(), let limits = body.objectValue else {
                return .json(400, .object([("error", "limits must be a JSON object")]))
            }
            if let value = limits["halo"] { halo.setRateLimit(value.intValue) }
            if limits["exact_minutely"] != nil || limits["exact_daily"] != nil {
                let minutely = limits["exact_minutely"]?.intValue
                let daily = limits["exact_daily"]?.intValue
                exactOnline.setRateLimit(
                    minutely == nil && daily == nil
                        ? nil : ExactRateLimit(minutely: minutely ?? Int.max, daily: daily ?? Int.max))
            }
            if let value = limits["business_central"] { businessCentral.setRateLimit(value.intValue) }
            if let value = limits["sage"] { sage.setRateLimit(value.intValue) }
            return .json(200, .object([("ok", true)]))
        default:
            return .json(404, .object([("error", .string("unknown sandbox admin path \(request.rawPath)"))]))
        }
    }

    private var statsJSON: JSON {
        let work = meter.current
        var systems: [(String, JSON)] = []
        var total = 0
        for system in SandboxSystem.allCases {
            let paths = stats[system] ?? [:]
            let count = paths.values.reduce(0, +)
            total += count
            systems.append(
                (
                    system.rawValue,
                    .object([
                        ("total", .int(count)),
                        ("serve_ms", .double(work[system]?.serving.milliseconds ?? 0)),
                        ("bytes", .int(work[system]?.bytes ?? 0)),
                        ("paths", .object(JSONObject(paths.keys.sorted().map { ($0, JSON.int(paths[$0]!)) }))),
                    ])
                ))
        }
        return .object([
            ("total", .int(total)), ("systems", .object(JSONObject(systems))),
            ("unknown_fields", halo.unknownFieldsJSON),
        ])
    }
}

extension Duration {
    /// The duration in (fractional) milliseconds.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

extension SandboxRequest {
    /// The request as seen below a system's prefix (`/exact-online/api/...` becomes `/api/...`).
    func droppingFirstSegment(if condition: Bool) -> SandboxRequest {
        guard condition, !segments.isEmpty else { return self }
        var copy = self
        copy.segments.removeFirst()
        copy.prefix = "/" + (rawPath.split(separator: "/").first.map(String.init) ?? "")
        return copy
    }
}
