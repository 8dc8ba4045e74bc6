import Foundation
import Testing

/// `haloform doctor` end to end: the sandbox seed's deliberately broken records, found by name with their reasons.
@Suite(.serialized) struct DoctorCommandTests {
    /// Each check's findings by name, from the JSON report.
    static func findingsByCheck(_ json: String) async throws -> [String: [String]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var result: [String: [String]] = [:]
        for check in document["checks"] as? [[String: Any]] ?? [] {
            let findings = check["findings"] as? [[String: Any]] ?? []
            #expect(check["count"] as? Int == findings.count)
            result[check["check"] as? String ?? "?"] = findings.map { $0["name"] as? String ?? "?" }
        }
        return result
    }

    /// "Customer 0025" for the seed's customer 25.
    static func customer(_ id: Int) -> String {
        "Customer " + String(repeating: "0", count: 4 - String(id).count) + String(id)
    }

    @Test func seedBrokenRecordsAreFoundAndNothingElse() async throws {
        let acme = try HaloformBinary.copyExample("acme")
        #expect(try await HaloformBinary.run(["apply", "--auto-approve", "."], in: acme).status == 0)
        // Link every customer and product to the Exact company, as importing them from Exact would.
        try await HaloEditor.edit(stateOf: acme) { halo in
            _ = try await halo.post("Client", (1...312).map { ["id": $0, "exact_division": 123456] })
            _ = try await halo.post("Item", (1...150).map { ["id": $0, "exact_division": 123456] })
            // And connect every tenant, as a person does in Halo after apply.
            try await halo.connectAcme()
        }

        let run = try await HaloformBinary.run(["doctor", "--format", "json", "."], in: acme)
        #expect(run.status == 1, "\(run.stderr)")
        let found = try await Self.findingsByCheck(run.stdout)
        let active = (1...300).filter { $0 % 50 != 17 }
        #expect(
            found == [
                // The config leaves products out of these three tenants' sync lists on purpose: notes, not problems.
                "entity_left_out": [
                    "business_central.tenant[\"bc-uk\"]", "exact_online.tenant[\"exact-be\"]",
                    "sage_business_cloud.tenant[\"sage-uk\"]",
                ],
                "customer_no_accounts_id": active.filter { $0 % 25 == 0 }.map(Self.customer),
                "customer_excluded": active.filter { $0 % 40 == 13 }.map(Self.customer),
                "customer_id_not_numeric": active.filter { $0 > 250 && $0 % 25 != 0 }.map(Self.customer),
                "product_excluded": ["Desk Chair", "Product 0037", "Product 0067", "Product 0097", "Product 0127"],
                "product_id_duplicate": ["Product 0040", "Product 0041", "Product 0090", "Product 0091"],
                "supplier_no_accounts_id": ["Supplier 0012"],
                "supplier_excluded": ["Supplier 0020"],
                "sage_business_unconfirmed": ["sage_business_cloud.tenant[\"sage-uk\"]"],
                "customer_inactive": (1...300).filter { $0 % 50 == 17 }.map(Self.customer) + ["Hendriks Techniek BV"],
                "sync_errors_logged": [
                    "Invoice 'INV-0043'", "Customer 'Globex BV'", "Invoice 'INV-0042'", "Customer 'Stark Ltd'",
                ],
            ])

        let text = try await HaloformBinary.run(["doctor", "."], in: acme)
        #expect(text.status == 1)
        #expect(
            text.stdout.hasPrefix("Checked 5 tenants, 305 customers, 150 products and 30 suppliers.\n"),
            "\(text.stdout)")
        #expect(
            text.stdout.contains(
                """

                Products sharing an accounts id (4)
                  fix: Product IDs must be unique: use the Generate button on the product's Billing tab for a new one
                  - Product 0040 (#40): accounts id 'P-0040' is shared with 'Product 0041'
                  - Product 0041 (#41): accounts id 'P-0040' is shared with 'Product 0040'
                  - Product 0090 (#90): accounts id 'P-0090' is shared with 'Product 0091'
                  - Product 0091 (#91): accounts id 'P-0090' is shared with 'Product 0090'

                """), "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "  - Customer 0025 (#25) [exact_online.tenant[\"exact-nl\"]]: no accounts id, so it cannot be matched in the accounting system\n"
            ))
        #expect(
            text.stdout.contains(
                "  - sage_business_cloud.tenant[\"sage-uk\"]: Halo keeps no Sage business on the tenant (its own Sage login picks it), so haloform cannot confirm it is 'Acme Ltd', the business whose codes it reads\n"
            ))
        #expect(text.stdout.contains("  - purchase orders of 2 suppliers: Supplier 0012 (#12), Supplier 0020 (#20)\n"))
        #expect(text.stdout.hasSuffix("\n82 problems, 0 recommendations, 11 notes.\n"), "\(text.stdout)")
        try Self.expectWhole(text.stdout, as: "doctor-seed.txt")

        // Every problem names the guide's fix, and what the guides call a choice is never a problem.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let checks = document["checks"] as? [[String: Any]] ?? []
        for check in checks where check["severity"] as? String == "problem" {
            #expect((check["fix"] as? String)?.isEmpty == false, "\(check["check"] ?? "?") has no fix")
        }
        let choices: Set = [
            "entity_left_out", "customer_left_out_of_sync", "sync_unsupported", "sage_business_unconfirmed",
        ]
        for check in checks where choices.contains(check["check"] as? String ?? "") {
            #expect(check["severity"] as? String == "note", "\(check["check"] ?? "?") is a choice the guides allow")
        }
    }

    /// Compares `output` with the whole of `Tests/Fixtures/<name>`; with HALOFORM_RECORD_FIXTURES=1 it writes the file
    /// instead and fails, so a recorded fixture is read by a person before it counts.
    static func expectWhole(_ output: String, as name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = HaloformBinary.packageRoot.appendingPathComponent("Tests/Fixtures/\(name)")
        if ProcessInfo.processInfo.environment["HALOFORM_RECORD_FIXTURES"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded Tests/Fixtures/\(name); read it, then run again without HALOFORM_RECORD_FIXTURES",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard output != expected else { return }
        let got = output.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        Issue.record(
            "output differs from Tests/Fixtures/\(name) at line \(line + 1):\n  expected: \(line < want.count ? want[line] : "(end)")\n  got:      \(line < got.count ? got[line] : "(end)")",
            sourceLocation: sourceLocation)
    }

    @Test func unlinkedSeedIsReportedAsUnlinked() async throws {
        let root = try HaloformBinary.copyExample("minimal")
        let run = try await HaloformBinary.run(["doctor", "--format", "json", "."], in: root)
        #expect(run.status == 1)
        let found = try await Self.findingsByCheck(run.stdout)
        #expect(found["module_disabled"] == ["exact_online"])
        #expect(found["tenant_missing"] == ["exact_online.tenant[\"exact-nl\"]"])
        #expect(found["customer_not_linked"]?.count == 305)
        #expect(found["product_not_linked"]?.count == 150)
    }
}
