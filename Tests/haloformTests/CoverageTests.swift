import Foundation
import Testing

/// Coverage rules (`customers.require: all_active`, `products.require`) end to end: the real binary on a copy of
/// examples/acme against the seeded sandbox.
@Suite(.serialized) struct CoverageTests {
    /// The Halo customers under "Customers NL" that are active and mapped by no Exact tenant: the seed's "Customer"
    /// clients there (top level [1, 2, 3, 4][id % 4]), and the near-duplicates but the inactive one.
    static let uncovered: [String] = {
        let numbered = stride(from: 12, through: 300, by: 4).map {
            "Customer " + String(repeating: "0", count: 4 - String($0).count) + String($0)
        }
        let duplicates = [
            "Van den Berg Installatietechniek B.V.", "Brouwer & Zonen", "Café Noordzee B.V.",
            "Dekker Bouwmaterialen BV",
            "Smit Advies", "Smit Advies B.V.", "Acme Nederland", "Bakker Software BV", "Jansen Installatie BV",
            "Visser Groep",
        ]
        return (numbered + duplicates).sorted()
    }()

    /// A copy of acme whose exact-nl tenant requires every active customer and item group mapped, letting one go.
    static func root(severity: String? = nil) throws -> URL {
        let root = try HaloformBinary.copyExample("acme")
        let file = root.appendingPathComponent("exact-online/exact-nl.yaml")
        try file.edit(
            """
                    prune: false            # Halo adds mappings when it imports customers: report them, don't delete

            """,
            """
                    prune: false            # Halo adds mappings when it imports customers: report them, don't delete
                    require: all_active
                    unmapped_ok: [Jansen Logistiek]
            \(severity.map { "        coverage: \($0)\n" } ?? "")
            """)
        try file.edit(
            """
                    default_group: Services

            """,
            """
                    default_group: Services
                    require: all_active

            """)
        return root
    }

    @Test func reportsExactlyTheUncoveredRecordsInTextJSONAndMarkdownAndFailsUnderStrict() async throws {
        let root = try Self.root()
        #expect(try await HaloformBinary.run(["validate", "."], in: root).status == 0)

        let json = try await HaloformBinary.run(["plan", "--format", "json", "."], in: root)
        #expect(json.status == 0, "\(json)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let records = try #require(document["uncovered"] as? [[String: Any]])
        let customers = records.filter { $0["list"] as? String == "customers" }
        #expect(customers.compactMap { $0["key"] as? String } == Self.uncovered)
        #expect(
            customers.allSatisfy {
                $0["tenant"] as? String == "exact-nl" && $0["rule"] as? String == "exact-online/exact-nl.yaml:21:18"
            })
        #expect(customers.allSatisfy { $0["error"] as? Bool == false })
        let groups = records.filter { $0["list"] as? String == "product_groups" }
        #expect(groups.map { $0["key"] as? String } == ["400"])
        #expect(groups.first?["rule"] as? String == "exact-online/exact-nl.yaml:31:18")
        let check = try await HaloformBinary.validatePlan(json.stdout, in: root)
        #expect(check.status == 0, "the JSON plan validates against schemas/plan.schema.json: \(check)")

        let text = try await HaloformBinary.run(["plan", "--no-color", "."], in: root)
        #expect(text.status == 0)
        #expect(
            text.stdout.contains(
                "  exact_online.tenant[\"exact-nl\"]: \(Self.uncovered.count + 1) uncovered records\n"),
            "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "    ! exact-online/exact-nl.yaml:21:18: active Halo customer 'Brouwer & Zonen' is in no customers.mappings entry and not under unmapped_ok\n"
            ))
        #expect(
            text.stdout.contains(
                "    ! exact-online/exact-nl.yaml:31:18: Exact Online item group '400' (Licences) is in no products.group_mappings entry and not under unmapped_ok\n"
            ))
        #expect(!text.stdout.contains("'Jansen Logistiek'"), "unmapped_ok lets it go")
        #expect(!text.stdout.contains("'Hendriks Techniek BV'"), "an inactive customer needs no mapping")
        let listed = text.stdout.split(separator: "\n").filter { $0.contains(": active Halo customer '") }.count
        #expect(listed == Self.uncovered.count)

        let markdown = try await HaloformBinary.run(["plan", "--format", "markdown", "."], in: root)
        #expect(
            markdown.stdout.contains(
                "- `exact_online.tenant[\"exact-nl\"]`: \(Self.uncovered.count + 1) uncovered records\n"))
        #expect(
            markdown.stdout.contains(
                "  - `exact-online/exact-nl.yaml:21:18`: active Halo customer 'Visser Groep' is in no"))

        let strict = try await HaloformBinary.run(["plan", "--strict", "."], in: root)
        #expect(strict.status == 1, "\(strict)")
        #expect(strict.stderr.contains("error: \(Self.uncovered.count + 1) uncovered records fail the run (--strict)"))

        // suggest proposes for exactly those records: none outside them.
        let suggest = try await HaloformBinary.run(["suggest", "--format", "json", "."], in: root)
        let proposals =
            (try JSONSerialization.jsonObject(with: Data(suggest.stdout.utf8)) as? [String: Any])?["proposals"]
            as? [[String: Any]] ?? []
        let proposed = Set(
            proposals.filter { $0["tenant"] as? String == "exact-nl" && $0["list"] as? String == "customers" }
                .compactMap { $0["halo"] as? String })
        #expect(!proposed.isEmpty && proposed.isSubset(of: Set(Self.uncovered)))

        // The doctor reports them too, as recommendations.
        let doctor = try await HaloformBinary.run(["doctor", "--no-color", "."], in: root)
        #expect(
            doctor.stdout.contains("Active customers a coverage rule wants mapped (\(Self.uncovered.count))"),
            "\(doctor.stdout)")
    }

    @Test func coverageErrorFailsThePlanAndBadShapesAreLocated() async throws {
        let root = try Self.root(severity: "error")
        let plan = try await HaloformBinary.run(["plan", "."], in: root)
        #expect(plan.status == 1, "\(plan)")
        #expect(plan.stderr.contains("fail the run (coverage: error)"))

        let file = root.appendingPathComponent("exact-online/exact-nl.yaml")
        try file.edit(
            "        require: all_active\n        unmapped_ok", "        requir: all_active\n        unmapped_ok")
        let validate = try await HaloformBinary.run(["validate", "."], in: root)
        #expect(validate.status == 1)
        #expect(
            (validate.stdout + validate.stderr).contains(
                "exact-online/exact-nl.yaml:21:9: error: unknown key 'requir' (did you mean 'require'?)"), "\(validate)"
        )
    }

    @Test func aSavedPlanStandsAnEditToACustomerFieldNoPlanReadsButNotToOneItDoes() async throws {
        let root = try Self.root()
        let planFile = root.appendingPathComponent("plan.json").path
        let plan = try await HaloformBinary.run(["plan", "--out", planFile, "."], in: root)
        #expect(plan.status == 0, "\(plan)")
        let saved = try String(contentsOfFile: planFile, encoding: .utf8)
        #expect(!saved.contains("\"sales_tax_code\""), "the plan keeps no customer field it does not depend on")
        let uncovered = "Customer 0012"
        var id = 0
        try await HaloEditor.edit(stateOf: root) { halo in
            let clients = try await halo.get("Client?search=\(uncovered.replacingOccurrences(of: " ", with: "%20"))")
            id = try #require(clients.first { $0["name"] as? String == uncovered }?["id"] as? Int)
            _ = try await halo.post("Client", [["id": id, "sales_tax_code": 1]])
        }
        let applied = try await HaloformBinary.run(["apply", "--auto-approve", planFile], in: root)
        #expect(applied.status == 0, "a customer's sales tax is no part of the plan: \(applied)")

        // The plan after that apply, then a customer leaves the coverage rule's reach: that plan is stale.
        let second = try await HaloformBinary.run(["plan", "--out", planFile, "."], in: root)
        #expect(second.status == 0, "\(second)")
        try await HaloEditor.edit(stateOf: root) { halo in
            _ = try await halo.post("Client", [["id": id, "inactive": true]])
        }
        let refused = try await HaloformBinary.run(["apply", "--auto-approve", planFile], in: root)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("Halo changed since the plan"), "\(refused)")
        #expect(refused.stderr.contains("Client"), "the refusal names what changed: \(refused)")
    }
}
