import AsyncHTTPClient
import Foundation
import Sandbox
import Testing

/// Faults on demand: storms of 429s, server errors, latency, early token expiry, dropped connections.
@Suite struct FaultTests {
    @Test func stormAnswers429WithRetryAfterThenRecovers() async throws {
        try await withSandbox { client in
            let set = try await client.sendJSON("POST", "/_sandbox/faults", ["throttle_burst": 3, "retry_after": 2])
            #expect(set.status == 200)
            var statuses: [Int] = []
            for _ in 0..<4 {
                let response = try await client.get("/api/authinfo", token: nil)
                statuses.append(response.status)
                if response.status == 429 { #expect(response.headers["retry-after"] == "2") }
            }
            #expect(statuses == [429, 429, 429, 200])
            #expect(try await client.get("/_sandbox/faults", token: nil).object["throttle_burst"] as? Int == 3)
        }
    }

    @Test func serverErrorsAreAFractionAndReproducibleFromTheSeed() async throws {
        try await withSandbox { client in
            func run() async throws -> [Int] {
                _ = try await client.sendJSON(
                    "POST", "/_sandbox/faults", ["seed": 42, "error_rate": 0.5, "systems": ["exact-online"]])
                var statuses: [Int] = []
                for _ in 0..<40 {
                    statuses.append(try await client.get("/exact-online/api/v1/current/Me", token: nil).status)
                }
                return statuses
            }
            let first = try await run()
            let errors = first.filter { $0 >= 500 }
            #expect(errors.count >= 8 && errors.count <= 32)
            #expect(Set(errors).isSubset(of: [500, 502, 503]))
            #expect(first.filter { $0 < 500 }.allSatisfy { $0 == 401 })
            #expect(try await run() == first)
            // Faults limited to Exact leave Halo alone.
            for _ in 0..<10 { #expect(try await client.get("/api/authinfo", token: nil).status == 200) }
        }
    }

    @Test func latencyIsAdded() async throws {
        let time = MovableTime()
        try await withSandbox(SandboxOptions(faults: SandboxFaults(latencyMilliseconds: 4000), clock: time.clock)) {
            client in
            #expect(try await client.get("/api/authinfo", token: nil).status == 200)
            #expect(time.slept == [.milliseconds(4000)])
            // Admin paths are never faulted.
            _ = try await client.get("/_sandbox/stats", token: nil)
            #expect(time.slept == [.milliseconds(4000)])
        }
    }

    @Test func tokensExpireEarly() async throws {
        let time = MovableTime()
        try await withSandbox(SandboxOptions(faults: SandboxFaults(tokenLifetimeSeconds: 3), clock: time.clock)) {
            client in
            let response = try await client.postForm(
                "/auth/token",
                [
                    ("grant_type", "client_credentials"), ("client_id", SandboxCredentials.halo.clientID),
                    ("client_secret", SandboxCredentials.halo.clientSecret),
                ])
            #expect(response.object["expires_in"] as? Int == 3)
            let token = try #require(response.object["access_token"] as? String)
            #expect(try await client.get("/api/TopLevel", token: token).status == 200)
            time.advance(seconds: 2.9)
            #expect(try await client.get("/api/TopLevel", token: token).status == 200)
            time.advance(seconds: 0.2)
            #expect(try await client.get("/api/TopLevel", token: token).status == 401)
        }
    }

    @Test func expireNowEndsLiveTokens() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            #expect(try await client.get("/api/TopLevel", token: token).status == 200)
            let expired = try await client.send("POST", "/_sandbox/tokens/expire?system=halo")
            #expect(expired.object["expired"] as? Int == 1)
            #expect(try await client.get("/api/TopLevel", token: token).status == 401)
        }
    }

    @Test func connectionsCloseMidAnswer() async throws {
        try await withSandbox(SandboxOptions(faults: SandboxFaults(dropConnectionRate: 1, systems: ["halo"]))) {
            client in
            await #expect(throws: (any Error).self) {
                _ = try await client.get("/api/authinfo", token: nil)
            }
            // The sandbox keeps serving afterwards.
            let health = try await client.get("/_sandbox/health", token: nil)
            #expect(health.status == 200)
        }
    }

    @Test func throttleRateAndFlagSyntax() async throws {
        let faults = try SandboxFaults(parsing: "seed=7,throttle=1,retry-after=5,systems=sage")
        let nonsense = Result { () throws(SandboxFaultsError) in try SandboxFaults(parsing: "nonsense=1") }
        let tooLarge = Result { () throws(SandboxFaultsError) in try SandboxFaults(parsing: "errors=2") }
        #expect(faults.throttleRate == 1)
        #expect(faults.retryAfterSeconds == 5)
        #expect(throws: SandboxFaultsError.self) { try nonsense.get() }
        #expect(throws: SandboxFaultsError.self) { try tooLarge.get() }
        try await withSandbox(SandboxOptions(faults: faults)) { client in
            let throttled = try await client.get("/sage/v3.1/businesses", token: nil)
            #expect(throttled.status == 429)
            #expect(throttled.headers["retry-after"] == "5")
            #expect((throttled.array as? [[String: Any]])?.first?["$dataCode"] as? String == "TooManyRequests")
            #expect(try await client.get("/api/authinfo", token: nil).status == 200)
            let bad = try await client.sendJSON("POST", "/_sandbox/faults", ["error_rate": "lots"])
            #expect(bad.status == 400)
        }
    }
}
