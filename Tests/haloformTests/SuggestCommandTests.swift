import Foundation
import Testing

/// `haloform suggest` end to end: the real binary against the sandbox's seeded near-duplicates (SandboxSeed's
/// `nearDuplicates`), on a fresh copy of examples/acme.
@Suite(.serialized) struct SuggestCommandTests {
    /// The proposals of one tenant's list in the JSON document, by Halo name: code and evidence kinds.
    static func proposals(
        _ document: [String: Any], tenant: String, list: String = "customers"
    ) -> [String: (String, [String])] {
        var found: [String: (String, [String])] = [:]
        for case let proposal as [String: Any] in document["proposals"] as? [Any] ?? []
        where proposal["tenant"] as? String == tenant && proposal["list"] as? String == list {
            let kinds = (proposal["evidence"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            found[proposal["halo"] as? String ?? ""] = (proposal["code"] as? String ?? "", kinds)
        }
        return found
    }

    static func json(_ run: HaloformBinary.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func findsEverySeededPairProposesNoFalseOneAndReportsEveryConflict() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let run = try await HaloformBinary.run(["suggest", "--format", "json", "."], in: root)
        #expect(run.status == 0, "\(run)")
        let document = try Self.json(run)
        let exactNL = Self.proposals(document, tenant: "exact-nl")
        // Every true pair, with the evidence it was seeded for, by name.
        #expect(exactNL["Van den Berg Installatietechniek B.V."]?.0 == "2001")
        #expect(exactNL["Van den Berg Installatietechniek B.V."]?.1 == ["vat_number"])
        #expect(exactNL["Brouwer & Zonen"]?.0 == "2002")
        #expect(exactNL["Brouwer & Zonen"]?.1 == ["email_domain"])
        #expect(exactNL["Café Noordzee B.V."]?.0 == "2004")
        #expect(exactNL["Café Noordzee B.V."]?.1 == ["same_name"])
        #expect(exactNL["Dekker Bouwmaterialen BV"]?.0 == "2005")
        #expect(exactNL["Dekker Bouwmaterialen BV"]?.1 == ["near_name"])
        // 2009 and 2010 share a VAT number; the name decides.
        #expect(exactNL["Visser Groep"]?.0 == "2009")
        #expect(exactNL["Visser Groep"]?.1 == ["vat_number", "same_name"])
        #expect(exactNL["Customer 0012"]?.0 == "1012")
        // No false pair: a shared free-mail provider, a near form, one name with two VAT numbers, an inactive client.
        for name in ["Jansen Logistiek", "Bakker Software BV", "Jansen Installatie BV", "Hendriks Techniek BV"] {
            #expect(exactNL[name] == nil, "\(name) was proposed")
        }
        let codes = exactNL.values.map(\.0)
        for code in ["2003", "2006", "2007", "2008", "2010", "2011", "1001"] {
            #expect(!codes.contains(code), "\(code) was proposed")
        }
        #expect(Set(codes).count == codes.count, "a code was proposed twice")
        // Every conflict.
        let conflicts = (document["conflicts"] as? [[String: Any]] ?? []).map {
            ($0["kind"] as? String ?? "", $0["records"] as? [String] ?? [], $0["mapped_to"] as? String)
        }
        #expect(conflicts.count == 2)
        #expect(conflicts.contains { $0 == ("already_mapped", ["Acme Nederland"], "Acme BV") })
        #expect(conflicts.contains { $0.0 == "shared_candidate" && $0.1 == ["Smit Advies", "Smit Advies B.V."] })
        // Item groups: Exact's "400" Licences into Halo's Licences, by name.
        #expect(Self.proposals(document, tenant: "exact-nl", list: "product_groups")["Licences"]?.0 == "400")
        // Business Central's and Sage's customers by name, under their own top levels only.
        #expect(Self.proposals(document, tenant: "bc-uk")["Stark Ltd"] == nil, "Stark Ltd is mapped in bc-prod already")
        #expect(Self.proposals(document, tenant: "sage-uk")["Customer 0014"]?.0 == "CUST0014")

        // Deterministic, and --min-confidence leaves out what is below it.
        let again = try await HaloformBinary.run(["suggest", "--format", "json", "."], in: root)
        #expect(again.stdout == run.stdout)
        let strict = try Self.json(
            try await HaloformBinary.run(["suggest", "--format", "json", "--min-confidence", "0.9", "."], in: root))
        let kept = Self.proposals(strict, tenant: "exact-nl")
        #expect(kept["Van den Berg Installatietechniek B.V."] != nil && kept["Dekker Bouwmaterialen BV"] == nil)
        #expect(kept["Brouwer & Zonen"] == nil && kept["Café Noordzee B.V."] == nil)

        let yaml = try await HaloformBinary.run(["suggest", "."], in: root)
        #expect(
            yaml.stdout.contains(
                "          - { halo: Brouwer & Zonen, exact: \"2002\" }  # suggest: same e-mail domain (brouwerzonen.nl); "
                    + "confidence 0.80; Brouwer en Zn.\n"), "\(yaml.stdout)")
        #expect(
            yaml.stdout.contains("# conflict: 'Smit Advies' and 'Smit Advies B.V.' would all map to exact \"2006\""))
    }

    @Test func writeThenPlanAndApplyMapThemAndASecondSuggestProposesNothing() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let exactNL = root.appendingPathComponent("exact-online/exact-nl.yaml")
        let before = try String(contentsOf: exactNL, encoding: .utf8)
        let write = try await HaloformBinary.run(["suggest", "--write", "."], in: root)
        #expect(write.status == 0, "\(write)")
        #expect(
            write.stdout.contains(
                "exact-online/exact-nl.yaml: 65 added to exact_online.tenant[\"exact-nl\"] customers.mappings"))
        let after = try String(contentsOf: exactNL, encoding: .utf8)
        // Only lines added: every original line is still there, in order, comments included.
        var remaining = after.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in before.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let at = remaining.firstIndex(of: line) else {
                Issue.record("line lost: \(line)")
                break
            }
            remaining = remaining[(at + 1)...]
        }
        #expect(
            after.contains(
                """
                          - { halo: Tyrell BV, exact: "1010" }
                          - { halo: Brouwer & Zonen, exact: "2002" }  # suggest: same e-mail domain (brouwerzonen.nl); confidence 0.80; Brouwer en Zn.
                """))
        #expect(
            after.contains(
                """
                          - { exact: "300", halo: Services }
                          - { exact: "400", halo: Licences }  # suggest: same name (licences); confidence 0.85; Licences
                        group_accounts:
                """))

        let plan = try await HaloformBinary.run(["plan", "--format", "json", "."], in: root)
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout.contains("customer_mapping[\\\"2002\\\"]"), "the written mapping is not planned")
        let apply = try await HaloformBinary.run(["apply", "--auto-approve", "."], in: root)
        #expect(apply.status == 0, "\(apply)")
        let second = try Self.json(try await HaloformBinary.run(["suggest", "--format", "json", "."], in: root))
        #expect((second["proposals"] as? [Any])?.isEmpty == true, "\(second)")
        #expect((second["conflicts"] as? [Any])?.count == 2)
        let clean = try await HaloformBinary.run(["plan", "--detailed-exitcode", "."], in: root)
        #expect(clean.status == 0, "\(clean)")
    }

    @Test func writeRefusesAFlowListWithALocatedErrorAndChangesNothing() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let exactNL = root.appendingPathComponent("exact-online/exact-nl.yaml")
        try exactNL.edit(
            """
                    group_mappings:
                      - { exact: "100", halo: Hardware }
                      - { exact: "200", halo: Software }
                      - { exact: "300", halo: Services }
            """,
            """
                    group_mappings: [{ exact: "100", halo: Hardware }, { exact: "200", halo: Software }, { exact: "300", halo: Services }]
            """)
        let before = try String(contentsOf: exactNL, encoding: .utf8)
        let run = try await HaloformBinary.run(["suggest", "--write", "."], in: root)
        #expect(run.status == 1)
        let error =
            "exact-online/exact-nl.yaml:29:25: error: 'group_mappings' of exact_online.tenant[\"exact-nl\"] is a flow list"
        #expect((run.stdout + run.stderr).contains(error), "\(run)")
        #expect(try String(contentsOf: exactNL, encoding: .utf8) == before)
    }
}
