import Foundation
import Sandbox
import Testing

/// The state file: seeded when missing, written atomically, surviving restarts; reset, stats, concurrency.
@Suite struct StateTests {
    /// A fresh path in a fresh temporary folder.
    static func temporaryStatePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("nested/sandbox.json").path
    }

    /// The parsed state file.
    static func stateDocument(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The Halo clients in a state document.
    static func clients(in document: [String: Any]) -> [[String: Any]] {
        let tables = (document["halo"] as? [String: Any])?["tables"] as? [String: Any]
        return ((tables?["Client"] as? [String: Any])?["records"] as? [[String: Any]]) ?? []
    }

    @Test func missingFileIsSeededAndChangesSurviveARestart() async throws {
        let path = try Self.temporaryStatePath()
        let first = try await SandboxServer.start(SandboxOptions(statePath: path))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(Self.clients(in: try Self.stateDocument(path)).count == 312)
        let client = SandboxClient(server: first)
        let token = try await client.haloToken()
        let created = try await client.sendJSON(
            "POST", "/api/Client", [["name": "Persisted BV", "toplevel_id": 1]], token: token)
        let id = try #require(created.object["id"] as? Int)
        let exact = try await ExactOnlineTests.login(client)
        await first.stop()
        #expect(Self.clients(in: try Self.stateDocument(path)).contains { $0["name"] as? String == "Persisted BV" })

        let second = try await SandboxServer.start(SandboxOptions(statePath: path))
        let again = SandboxClient(server: second)
        // Issued tokens are part of the state: the old Halo token and the Exact refresh token still work.
        #expect(try await again.get("/api/Client/\(id)", token: token).object["name"] as? String == "Persisted BV")
        _ = try await again.send("POST", "/_sandbox/tokens/expire?system=exact-online")
        let app = SandboxCredentials.exactOnline
        let refreshed = try await again.postForm(
            "/exact-online/api/oauth2/token",
            [
                ("client_id", app.clientID), ("client_secret", app.clientSecret), ("grant_type", "refresh_token"),
                ("refresh_token", exact["refresh_token"] as? String ?? ""),
            ])
        #expect(refreshed.status == 200)
        let next = try #require(try await again.haloToken() as String?)
        let reset = try await again.send("POST", "/_sandbox/reset")
        #expect(reset.status == 200)
        #expect(try await again.get("/api/Client/\(id)", token: next).status == 401)
        let fresh = try await again.haloToken()
        #expect(try await again.get("/api/Client/\(id)", token: fresh).status == 404)
        await second.stop()
        #expect(Self.clients(in: try Self.stateDocument(path)).count == 312)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        #expect(leftovers == ["sandbox.json"])
    }

    @Test func resetStateRewritesTheFile() async throws {
        let path = try Self.temporaryStatePath()
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: (any Error).self) { _ = try await SandboxServer.start(SandboxOptions(statePath: path)) }
        try SandboxServer.resetState(atPath: path)
        #expect(Self.clients(in: try Self.stateDocument(path)).count == 312)
    }

    @Test func concurrentWritesAllLand() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let ids = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let created = try await client.sendJSON(
                            "POST", "/api/Client", [["name": "Parallel \(index)"]], token: token)
                        return created.object["id"] as? Int ?? -1
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(ids).count == 40)
            #expect(!ids.contains(-1))
            let all = try await client.get("/api/Client?search=Parallel", token: token)
            #expect(all.object["record_count"] as? Int == 40)
        }
    }

    @Test func statsCountRequestsPerSystemAndPath() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            for _ in 0..<3 { _ = try await client.get("/api/Client?count=1", token: token) }
            _ = try await client.get("/sage/v3.1/businesses", token: nil)
            let stats = try await client.get("/_sandbox/stats", token: nil).object
            let systems = stats["systems"] as? [String: [String: Any]] ?? [:]
            #expect((systems["halo"]?["paths"] as? [String: Int])?["GET /api/Client"] == 3)
            #expect(systems["halo"]?["total"] as? Int == 4)
            #expect(systems["sage"]?["total"] as? Int == 1)
            #expect(stats["total"] as? Int == 5)
            _ = try await client.send("DELETE", "/_sandbox/stats")
            #expect(try await client.get("/_sandbox/stats", token: nil).object["total"] as? Int == 0)
        }
    }

    @Test func largeStateListsDeepPages() async throws {
        try await withSandbox(SandboxOptions(haloRateLimit: nil)) { client in
            let token = try await client.haloToken()
            let batch = (0..<5000).map {
                ["name": "Bulk \($0)", "toplevel_id": 1, "accountsid": "B\($0)"] as [String: Any]
            }
            for _ in 0..<4 {
                let saved = try await client.sendJSON("POST", "/api/Client", batch, token: token)
                #expect(saved.array.count == 5000)
            }
            // Speed is the benchmarks' to measure (haloform-bench fetch); this checks the deep page is right.
            let page = try await client.get("/api/Client?pageinate=true&page_size=1000&page_no=20", token: token)
            #expect((page.object["clients"] as? [Any])?.count == 1000)
            #expect(page.object["record_count"] as? Int == 20_305)
        }
    }
}
