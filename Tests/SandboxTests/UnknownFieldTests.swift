import Foundation
import Sandbox
import Testing

/// Halo (ASP.NET) ignores JSON members it does not know: the sandbox drops them too, and counts them in its stats.
@Suite struct UnknownFieldTests {
    @Test func unknownFieldsAreDroppedAndCountedByPath() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let created = try await client.sendJSON(
                "POST", "/api/SageBusinessCloudDetails",
                [
                    [
                        "name": "sage-uk", "tenantid": "biz-1", "import_tax_rates_daily": true, "showmessage": true,
                        "item_group_mappings": [["halo_id": 2, "third_party_id": "SERVICE", "guessed": 8]],
                    ]
                ], token: token)
            #expect(created.status == 200, "an unknown field is no error: \(created.text)")
            let id = try #require(created.object["id"] as? Int)
            #expect(created.object["tenantid"] == nil)
            #expect(created.object["import_tax_rates_daily"] == nil)
            #expect(created.object["showmessage"] as? Bool == true)
            let mapping = try #require((created.object["item_group_mappings"] as? [[String: Any]])?.first)
            #expect(mapping["guessed"] == nil)
            #expect(mapping["third_party_id"] as? String == "SERVICE")

            let stored = try await client.get("/api/SageBusinessCloudDetails/\(id)", token: token).object
            #expect(stored["tenantid"] == nil && stored["import_tax_rates_daily"] == nil, "nothing stored: \(stored)")

            #expect(
                try await client.sendJSON(
                    "POST", "/api/Control", [["exactdefaultdivision": 123456, "exact_invoice_status": 20]], token: token
                ).status == 200)
            #expect(try await client.get("/api/Control", token: token).object["exact_invoice_status"] == nil)

            let stats = try await client.get("/_sandbox/stats", token: nil).object
            let unknown = stats["unknown_fields"] as? [String: [String: Int]]
            #expect(
                unknown == [
                    "/api/SageBusinessCloudDetails": [
                        "import_tax_rates_daily": 1, "item_group_mappings[].guessed": 1, "tenantid": 1,
                    ],
                    "/api/Control": ["exact_invoice_status": 1],
                ])
            _ = try await client.send("DELETE", "/_sandbox/stats")
            #expect(
                try await client.get("/_sandbox/stats", token: nil).object["unknown_fields"] as? [String: [String: Int]]
                    == [:])
        }
    }

    @Test func everySeededRecordHoldsOnlyKnownFields() async throws {
        try await withSandbox { client in
            let token = try await client.haloToken()
            let known = SandboxHaloFields.byEndpoint
            for path in ["/Tax", "/AssetGroup", "/TopLevel", "/Features", "/Client", "/Site", "/Item", "/Supplier"] {
                let answer = try await client.get("/api\(path)?includeinactive=true", token: token)
                let records =
                    (answer.json as? [[String: Any]]) ?? answer.object.values.compactMap { $0 as? [[String: Any]] }
                    .first ?? []
                #expect(!records.isEmpty, "\(path)")
                let unknown = Set(records.flatMap(\.keys)).subtracting(known[path].map { Array($0.keys) } ?? [])
                #expect(unknown.isEmpty, "\(path) returns fields the sandbox does not know: \(unknown)")
            }
            let control = Set(try await client.get("/api/Control", token: token).object.keys)
                .subtracting(known["/Control"].map { Array($0.keys) } ?? [])
            #expect(control.isEmpty, "/Control returns fields the sandbox does not know: \(control)")
        }
    }
}
