import Foundation
import Sandbox
import Testing

/// Halo's auth, collections, envelopes, validation and rate limit, over real HTTP.
@Suite struct HaloTests {
    @Test func tokenEndpointAcceptsOnlyTheRegisteredApp() async throws {
        try await withSandbox { client in
            let good = try await client.postForm(
                "/auth/token?tenant=sandbox",
                [
                    ("grant_type", "client_credentials"), ("client_id", "haloform-demo"),
                    ("client_secret", "haloform-demo-secret"), ("scope", "all"),
                ])
            #expect(good.status == 200)
            #expect(good.object["token_type"] as? String == "Bearer")
            #expect(good.object["scope"] as? String == "all")
            #expect((good.object["expires_in"] as? Int ?? 0) > 0)
            let bad = try await client.postForm(
                "/auth/token",
                [("grant_type", "client_credentials"), ("client_id", "haloform-demo"), ("client_secret", "wrong")])
            #expect(bad.status == 401)
            #expect(bad.object["error"] as? String == "invalid_client")
            let badTenant = try await client.postForm(
                "/auth/token?tenant=other",
                [
                    ("grant_type", "client_credentials"), ("client_id", "haloform-demo"),
                    ("client_secret", "haloform-demo-secret"),
                ])
            #expect(badTenant.status == 400)
            let badScope = try await client.postForm(
                "/auth/token",
                [
                    ("grant_type", "client_credentials"), ("client_id", "haloform-demo"),
                    ("client_secret", "haloform-demo-secret"), ("scope", "everything"),
                ])
            #expect(badScope.object["error"] as? String == "invalid_scope")
        }
    }

    @Test func authInfoAndBearerRequirement() async throws {
        try await withSandbox { client in
            let info = try await client.get("/api/authinfo", token: nil)
            #expect(info.status == 200)
            #expect(info.object["auth_url"] as? String == "\(client.server.baseURL)/auth")
            #expect(info.object["tenant_id"] as? String == "sandbox")
            #expect(try await client.get("/api/Client", token: nil).status == 401)
            #expect(try await client.get("/api/Client", token: "made-up").status == 401)
            let token = try await client.haloToken()
            #expect(try await client.get("/api/client", token: token).status == 200)
        }
    }

    @Test func clientListEnvelopePagingAndSearch() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let page = try await client.get("/api/Client?pageinate=true&page_size=50&page_no=2", token: token)
            #expect(page.status == 200)
            let clients = page.object["clients"] as? [[String: Any]] ?? []
            #expect(clients.count == 50)
            #expect(page.object["page_no"] as? Int == 2)
            // 312 seeded (300 and the 12 near-duplicates), 7 inactive (ids 17, 67, …, 312) hidden unless asked for.
            #expect(page.object["record_count"] as? Int == 305)
            #expect(clients.first?["id"] as? Int == 52)
            let all = try await client.get("/api/Client?includeinactive=true&count=5", token: token)
            #expect(all.object["record_count"] as? Int == 312)
            #expect((all.object["clients"] as? [Any])?.count == 5)
            let search = try await client.get("/api/Client?search=acme", token: token)
            let found = search.object["clients"] as? [[String: Any]] ?? []
            #expect(found.map { $0["name"] as? String } == ["Acme BV", "Acme Nederland"])
            #expect(found.first?["toplevel_name"] as? String == "Customers NL")
            let byTopLevel = try await client.get("/api/Client?toplevel_id=3&includeinactive=true", token: token)
            #expect(
                (byTopLevel.object["clients"] as? [[String: Any]] ?? []).allSatisfy { $0["toplevel_id"] as? Int == 3 })
            let walked = try await walkClients(client, token: token, pageSize: 100)
            #expect(walked == 305)
        }
    }

    @Test("a page read after a write sees the write: the sandbox's remembered list matches are forgotten")
    func pagesAfterAWriteSeeIt() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let query = "/api/Client?pageinate=true&page_size=50&page_no="
            let before = try #require(try await client.get(query + "1", token: token).object["record_count"] as? Int)
            let created = try await client.sendJSON(
                "POST", "/api/Client", [["name": "Zeta Added BV", "toplevel_id": 1]], token: token)
            #expect(created.status == 200 || created.status == 201)
            let after = try await client.get(query + "2", token: token)
            #expect(after.object["record_count"] as? Int == before + 1)
            let lastPage = (before + 1 + 49) / 50
            let last =
                try await client.get(query + "\(lastPage)", token: token).object["clients"] as? [[String: Any]] ?? []
            #expect(last.contains { $0["name"] as? String == "Zeta Added BV" })
        }
    }

    private func walkClients(_ client: SandboxClient, token: String, pageSize: Int) async throws -> Int {
        var collected = 0
        for pageNumber in 1...100 {
            let page = try await client.get(
                "/api/Client?pageinate=true&page_size=\(pageSize)&page_no=\(pageNumber)", token: token)
            let clients = page.object["clients"] as? [Any] ?? []
            collected += clients.count
            if clients.isEmpty || collected >= page.object["record_count"] as? Int ?? 0 { break }
        }
        return collected
    }

    @Test func configCollectionsAreBareArraysAndControlIsASingleton() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let groups = try await client.get("/api/AssetGroup", token: token)
            #expect(
                (groups.array as? [[String: Any]])?.map { $0["name"] as? String }.prefix(2) == ["Services", "Hardware"])
            let taxes = try await client.get("/api/Tax", token: token)
            #expect(taxes.array.count == 6)
            let features = try await client.get("/api/Features", token: token).array as? [[String: Any]] ?? []
            #expect(
                features.contains { $0["module_name"] as? String == "Exact Online" && $0["enabled"] as? Bool == false })
            #expect(try await client.get("/api/ExactDetails", token: token).array.isEmpty)
            let control = try await client.get("/api/Control", token: token)
            #expect(control.object["id"] as? Int == 1)
            let saved = try await client.sendJSON(
                "POST", "/api/Control", [["id": 1, "exactdefaultdivision": 123456]], token: token)
            #expect(saved.object["exactdefaultdivision"] as? Int == 123456)
            #expect(saved.object["exact_default_invoice_status"] as? Int == 20)
            let wrong = try await client.sendJSON("POST", "/api/Control", [["exactdefaultdivision": "x"]], token: token)
            #expect(wrong.status == 400)
        }
    }

    @Test func detailsUpsertSecretsCompanionsAndMappings() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let created = try await client.sendJSON(
                "POST", "/api/ExactDetails",
                [
                    [
                        "name": "exact-nl", "locale": "nl", "division": 123456, "client_id": "abc",
                        "new_client_secret": "s3cret",
                        "clienttoplevel": 1, "itemgroup": 1, "enablesync": true,
                        "syncentities": "customers,products,invoices",
                        "showmessage": true, "do_daily_tax_import": true, "_exchangecode": true,
                        "client_mappings": [["halo_id": 1, "third_party_id": "guid-1", "third_party_desc": "Acme BV"]],
                        "item_group_mappings": [],
                    ]
                ], token: token)
            #expect(created.status == 200)
            let record = created.object
            let id = try #require(record["id"] as? Int)
            #expect(record["new_client_secret"] == nil)
            #expect(record["_exchangecode"] == nil)
            #expect(record["division_name"] as? String == "Acme Nederland BV")
            #expect(record["client_top_level_name"] as? String == "Customers NL")
            #expect(record["item_group_name"] as? String == "Services")
            let mapping = try #require((record["client_mappings"] as? [[String: Any]])?.first)
            #expect(mapping["id"] as? Int != nil)
            #expect(mapping["table_id"] as? Int == 2)
            #expect(mapping["details_id"] as? Int == id)
            #expect(mapping["halo_desc"] as? String == "Acme BV")

            let merged = try await client.sendJSON(
                "POST", "/api/ExactDetails", [["id": id, "showmessage": false]], token: token)
            #expect(merged.object["showmessage"] as? Bool == false)
            #expect(merged.object["locale"] as? String == "nl")
            #expect((merged.object["client_mappings"] as? [Any])?.count == 1)
            let mappingID = try #require(mapping["id"] as? Int)
            let links = try await client.get("/api/ExternalLink?details_id=\(id)&table_id=2", token: token)
            #expect((links.object["externallinks"] as? [[String: Any]])?.map { $0["id"] as? Int } == [mappingID])
            #expect(
                try await client.get("/api/ExternalLink/\(mappingID)", token: token).object["third_party_id"] as? String
                    == "guid-1")
            let fetched = try await client.get("/api/ExactDetails/\(id)", token: token)
            #expect(fetched.object["new_client_secret"] == nil)
            #expect(try await client.get("/api/ExactDetails?division=123456", token: token).array.count == 1)
            #expect(try await client.get("/api/ExactDetails?division=234567", token: token).array.isEmpty)

            let two = try await client.sendJSON("POST", "/api/TopLevel", [["name": "A"], ["name": "B"]], token: token)
            #expect(two.array.count == 2)
            let deleted = try await client.send(
                "DELETE", "/api/ExactDetails/\(id)", headers: [("Authorization", "Bearer \(token)")])
            #expect(deleted.status == 200)
            #expect(deleted.object["id"] as? Int == id)
            #expect(try await client.get("/api/ExactDetails/\(id)", token: token).status == 404)
            #expect(
                try await client.send(
                    "DELETE", "/api/ExactDetails/\(id)", headers: [("Authorization", "Bearer \(token)")]
                ).status == 404)
        }
    }

    @Test func invalidBodiesAreRefusedWithAMessage() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let unknownID = try await client.sendJSON(
                "POST", "/api/Client", [["id": 99999, "name": "X"]], token: token)
            #expect(unknownID.status == 400)
            let errors = unknownID.object["errors"] as? [String: [String]] ?? [:]
            #expect(errors["[0].id"]?.first?.contains("99999") == true)
            let wrongType = try await client.sendJSON(
                "POST", "/api/Client", [["name": "X", "toplevel_id": "one"]], token: token)
            #expect(wrongType.status == 400)
            #expect((wrongType.object["errors"] as? [String: Any])?["[0].toplevel_id"] != nil)
            let unknownLink = try await client.sendJSON(
                "POST", "/api/Client", [["name": "X", "toplevel_id": 777]], token: token)
            #expect(unknownLink.status == 400)
            let notArray = try await client.sendJSON("POST", "/api/Client", ["name": "X"], token: token)
            #expect(notArray.status == 400)
            let badMapping = try await client.sendJSON(
                "POST", "/api/ExactDetails", [["name": "x", "client_mappings": [["halo_id": 123456]]]], token: token)
            #expect(badMapping.status == 400)
        }
    }

    @Test func rateLimitAnswers429WithHalosMessage() async throws {
        try await withSandbox(SandboxOptions(haloRateLimit: 5)) { client in
            let token = try await client.haloToken()
            var statuses: [Int] = []
            for _ in 0..<5 { statuses.append(try await client.get("/api/TopLevel", token: token).status) }
            #expect(statuses == [200, 200, 200, 200, 429])
            let refused = try await client.get("/api/TopLevel", token: token)
            #expect(refused.status == 429)
            #expect(refused.text == "Rate Limit Reached - 5 Requests per rolling 5 minute window")
        }
    }
}
