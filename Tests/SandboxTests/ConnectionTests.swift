import Foundation
import Sandbox
import Testing

/// A tenant's connection in the sandbox: unconnected when the API creates it, connected only as a person would.
@Suite struct ConnectionTests {
    @Test func aCreatedTenantStartsUnconnectedAndAPostCannotConnectIt() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let created = try await client.sendJSON(
                "POST", "/api/ExactDetails",
                [
                    [
                        "name": "exact-nl", "division": 123456, "isauthorized": true,
                        "tokenexpiry": "2099-01-01T00:00:00Z",
                    ]
                ],
                token: token)
            #expect(created.status == 200, "\(created.text)")
            #expect(created.object["isauthorized"] as? Bool == false)
            #expect(created.object["tokenexpiry"] is NSNull)
            let id = try #require(created.object["id"] as? Int)
            let updated = try await client.sendJSON(
                "POST", "/api/ExactDetails", [["id": id, "isauthorized": true]], token: token)
            #expect(updated.object["isauthorized"] as? Bool == false, "only a person connects a tenant")

            let bc = try await client.sendJSON(
                "POST", "/api/BusinessCentralDetails", [["name": "bc-prod", "authorized": true]], token: token)
            #expect(bc.object["authorized"] as? Bool == false)
            #expect(bc.object.keys.contains("token_expiry"))
        }
    }

    @Test func theAdminEndpointConnectsByTheSandboxClock() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        let time = MovableTime(start: start)
        try await withSandbox(SandboxOptions(clock: time.clock)) { client in
            let token = try await client.haloToken()
            _ = try await client.sendJSON("POST", "/api/SageBusinessCloudDetails", [["name": "sage-uk"]], token: token)
            time.advance(seconds: 3600)
            let connected = try await client.sendJSON(
                "POST", "/_sandbox/connect", ["collection": "SageBusinessCloudDetails", "name": "sage-uk"])
            #expect(connected.status == 200, "\(connected.text)")
            #expect(connected.object["isauthorized"] as? Bool == true)
            #expect(
                connected.object["tokenexpiry"] as? String == "2027-02-14T09:00:00.000Z",
                "30 days after the sandbox's now")

            let short = try await client.sendJSON(
                "POST", "/_sandbox/connect",
                ["collection": "SageBusinessCloudDetails", "name": "sage-uk", "expires_in": -60])
            #expect(short.object["tokenexpiry"] as? String == "2027-01-15T08:59:00.000Z")
            // An hour on, the first Halo token has lapsed: take another.
            let listed = try await client.get("/api/SageBusinessCloudDetails", token: try await client.haloToken())
            #expect((listed.array.first as? [String: Any])?["isauthorized"] as? Bool == true, "\(listed.text)")

            let off = try await client.sendJSON(
                "POST", "/_sandbox/connect", ["collection": "SageBusinessCloudDetails", "id": 1, "connected": false])
            #expect(off.object["isauthorized"] as? Bool == false)
            #expect(off.object["tokenexpiry"] is NSNull)

            let missing = try await client.sendJSON(
                "POST", "/_sandbox/connect", ["collection": "ExactDetails", "name": "nobody"])
            #expect(missing.status == 404)
            let wrong = try await client.sendJSON(
                "POST", "/_sandbox/connect", ["collection": "Client", "name": "Acme BV"])
            #expect(wrong.status == 400)
        }
    }
}
