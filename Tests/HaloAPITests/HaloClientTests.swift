import Foundation
import HaloAPI
import HaloformCore
import JSONText
import Sandbox
import ServiceTransport
import Testing

@Suite("HaloClient against the sandbox")
struct HaloClientTests {
    /// Posts `count` clients in batches and returns the sandbox's total.
    static func addClients(_ client: HaloClient, count: Int, prefix: String = "Bulk") async throws {
        var posted = 0
        while posted < count {
            let batch = (posted..<min(count, posted + 100)).map { index -> JSONObject in
                ["name": .string("\(prefix) \(index)"), "toplevel_id": 1]
            }
            try await client.post(.client, batch)
            posted += batch.count
        }
    }

    @Test("paging walks every page of /Client to record_count, for full records and for names")
    func pagingReachesRecordCount() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient(pageSize: 37)
            let before = try await client.namedRecords(.client).count
            try await Self.addClients(client, count: 230)
            try await fixture.admin("POST", "stats/reset")
            let named = try await client.namedRecords(.client)
            let full = try await client.list(.client)
            #expect(named.count == before + 230)
            #expect(full.count == named.count)
            #expect(Set(named.map(\.id)).count == named.count)
            #expect(named.contains { $0.name == "Bulk 229" })
            // Full records hold the fields haloform reads, and only those: the sandbox's companions are skipped.
            let bulk = try #require(full.first { $0["name"] == "Bulk 229" })
            #expect(bulk["toplevel_id"] == 1)
            #expect(bulk["toplevel_name"] == nil && Set(bulk.keys).isSubset(of: HaloCollection.client.readFields!))
            let pages = (named.count + 36) / 37
            // Two walks, each exactly one request per page.
            #expect(try await fixture.requestCount(matching: "GET /api/Client") == 2 * pages)
        }
    }

    @Test("configuration collections, /Control, POST answers of one and of many, DELETE")
    func configurationCollections() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient()
            let groups = try await client.namedRecords(.assetGroup)
            #expect(!groups.isEmpty)
            #expect(try await client.list(.assetGroup).count == groups.count)
            #expect(!(try await client.control()).isEmpty)
            let one = try await client.post(.topLevel, [["name": "Solo"]])
            #expect(one.count == 1 && one[0]["name"] == "Solo")
            let two = try await client.post(.topLevel, [["name": "Pair A"], ["name": "Pair B"]])
            #expect(two.map { $0["name"] } == ["Pair A", "Pair B"])
            let id = try #require(one[0]["id"]?.int)
            try await client.delete(.topLevel, id: id)
            #expect(!(try await client.namedRecords(.topLevel)).contains { $0.id == id })
        }
    }

    @Test("tenant records read from the bytes hold what the whole JSON list holds, mappings included")
    func tenantRecordsMatchTheList() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient()
            let clients = try await client.namedRecords(.client)
            let links = clients.prefix(3).enumerated().map { index, record -> JSONValue in
                [
                    "halo_id": .int(record.id), "third_party_id": .string("guid-\(index)"),
                    "third_party_desc": .string("100\(index)"),
                ]
            }
            try await client.post(
                .exactDetails, [["name": "nl", "division": 123456, "client_mappings": .array(links)]])
            let tenants = try await client.tenantRecords(.exactOnline)
            let listed = try await client.list(.exactDetails).map { TenantRecord($0, of: .exactOnline) }
            #expect(tenants == listed)
            let nl = try #require(tenants.first { $0.name == "nl" })
            #expect(nl.links(.customer).map(\.haloID) == clients.prefix(3).map(\.id))
            #expect(nl.links(.customer).allSatisfy { $0.id != nil }, "Halo gave each new link its id")
        }
    }

    @Test("a hosted instance: the token URL comes from /api/authinfo with ?tenant=")
    func hostedTenantLogin() async throws {
        try await SandboxFixture.run { fixture in
            var connection = fixture.connection
            connection.tenant = SandboxCredentials.haloTenant
            let client = try fixture.haloClient(connection: connection, attempts: 2)
            _ = try await client.control()
            #expect(try await fixture.requestCount(matching: "GET /api/authinfo") == 1)
            #expect(try await fixture.requestCount(matching: "POST /auth/token") == 1)
        }
    }

    @Test("an expired token is renewed once after the 401, and the call succeeds")
    func expiredTokenRenewed() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient()
            _ = try await client.control()
            try await fixture.admin("POST", "tokens/expire?system=halo")
            _ = try await client.control()
            #expect(try await fixture.requestCount(matching: "POST /auth/token") == 2)
            #expect(try await fixture.requestCount(matching: "GET /api/Control") == 3)
        }
    }

    @Test("a token about to expire is renewed before use")
    func shortLivedTokenRenewedAhead() async throws {
        // A clock that stands still: a slow machine must not let the 30 s token lapse between two calls.
        try await SandboxFixture.run(clock: ManualClock(advancesWhenSleeping: true)) { fixture in
            try await fixture.admin("POST", "faults", #"{"token_lifetime": 30, "systems": ["halo"]}"#)
            let client = try fixture.haloClient()
            _ = try await client.control()
            _ = try await client.control()
            // 30 s is inside the 60 s margin, so each call logs in first and no call meets a 401.
            #expect(try await fixture.requestCount(matching: "POST /auth/token") == 2)
            #expect(try await fixture.requestCount(matching: "GET /api/Control") == 2)
        }
    }

    @Test("a 429 storm with Retry-After is ridden out with no error")
    func throttleStorm() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient(attempts: 10)
            _ = try await client.control()
            try await fixture.admin("POST", "faults", #"{"throttle_burst": 5, "retry_after": 0}"#)
            let groups = try await client.namedRecords(.assetGroup)
            #expect(!groups.isEmpty)
            #expect(client.service.figures.throttled == 5)
        }
    }

    @Test("Retry-After is honoured: the retry waits at least that long")
    func retryAfterHonoured() async throws {
        try await SandboxFixture.run { fixture in
            var http = fixture.http()
            let clock = ManualClock(advancesWhenSleeping: true)
            http.clock = clock
            let client = try HaloClient(
                connection: fixture.connection, configuration: HaloClientConfiguration(http: http))
            _ = try await client.control()
            try await fixture.admin("POST", "faults", #"{"throttle_burst": 1, "retry_after": 1}"#)
            let start = clock.now
            _ = try await client.control()
            // The retry waited the second the service asked for, not the milliseconds of the backoff.
            #expect(clock.now.timeIntervalSince(start) >= 1)
            #expect(client.service.figures.throttled == 1)
        }
    }

    @Test("a POST answered 429 was not processed, so it is sent again, and saved once")
    func throttledPostRetried() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient()
            _ = try await client.control()
            try await fixture.admin("POST", "faults", #"{"throttle_burst": 2, "retry_after": 0}"#)
            try await client.post(.topLevel, [["name": "Throttled once"]])
            let names = try await client.namedRecords(.topLevel).map(\.name)
            #expect(names.filter { $0 == "Throttled once" }.count == 1)
        }
    }

    @Test("502 and 503 answers to GETs are retried until a good answer; a 500 is reported")
    func serverErrorsRetried() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient(attempts: 10)
            _ = try await client.control()
            // The sandbox draws 500, 502 or 503 at random; seeds differ in which come first.
            var recovered = 0
            for seed in 1...20 {
                try await fixture.admin("POST", "faults", #"{"error_rate": 0.5, "seed": \#(seed)}"#)
                let retriesBefore = client.service.figures.retries
                do {
                    _ = try await client.namedRecords(.assetGroup)
                    if client.service.figures.retries > retriesBefore { recovered += 1 }
                } catch let error as ServiceError {
                    #expect(error.status == 500)
                }
            }
            #expect(recovered > 0)
        }
    }

    @Test("a connection closed mid-answer: a GET is retried, a POST is reported and not repeated")
    func droppedConnection() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient(attempts: 20)
            _ = try await client.control()
            try await fixture.admin("POST", "faults", #"{"drop_rate": 0.5, "seed": 5}"#)
            let groups = try await client.namedRecords(.assetGroup)
            #expect(!groups.isEmpty)
            try await fixture.admin("POST", "faults", #"{"drop_rate": 1}"#)
            let error = await #expect(throws: ServiceError.self) {
                try await client.post(.topLevel, [["name": "Sent once"]])
            }
            #expect(error?.kind == .connectionLost)
            try await fixture.admin("POST", "faults", "{}")
            #expect(try await fixture.requestCount(matching: "POST /api/TopLevel") == 1)
            let names = try await client.namedRecords(.topLevel).map(\.name)
            #expect(names.filter { $0 == "Sent once" }.count == 1)
        }
    }

    @Test("plain http to a host that is not loopback is refused before connecting")
    func insecureURLRefused() async throws {
        let connection = HaloConnection(
            url: "http://acme.halopsa.example", clientID: "id", clientSecret: "secret-value")
        let error = #expect(throws: ServiceError.self) { try HaloClient(connection: connection) }
        #expect(error?.kind == .insecureURL)
        let service = HTTPService(HTTPServiceConfiguration(name: "Test"))
        let refused = await #expect(throws: ServiceError.self) {
            try await service.send(.get("http://192.0.2.1/api/Client"))
        }
        #expect(refused?.kind == .insecureURL)
        #expect(service.figures.requests == 0)
        for url in ["http://127.0.0.1:1/x", "http://localhost/x", "http://[::1]:8080/x", "https://example.com/"] {
            #expect(throws: Never.self) { try TransportSecurity.check(url, service: "Test") }
        }
    }

    @Test("no secret appears in errors or logs")
    func secretsNeverShown() async throws {
        try await SandboxFixture.run { fixture in
            var wrong = fixture.connection
            wrong.clientSecret = "wrong-secret-\(UUID().uuidString)"
            let refused = try fixture.haloClient(connection: wrong)
            let error = await #expect(throws: ServiceError.self) { try await refused.control() }
            #expect(error?.kind == .authentication)
            let client = try fixture.haloClient()
            _ = try await client.control()
            try await fixture.admin("POST", "faults", #"{"throttle_burst": 2, "retry_after": 0}"#)
            _ = try await client.control()
            let captured = fixture.log.all + [String(describing: error)]
            let secrets = [wrong.clientSecret, SandboxCredentials.halo.clientSecret]
            for text in captured {
                for secret in secrets { #expect(!text.contains(secret)) }
                #expect(!text.lowercased().contains("bearer "))
            }
            #expect(!fixture.log.all.isEmpty)
        }
    }
}
