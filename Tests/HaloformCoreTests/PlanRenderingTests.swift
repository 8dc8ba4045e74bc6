import Foundation
import HaloformCore
import JSONText
import Testing

@Suite struct PlanRenderingTests {
    /// A plan of `count` mapping creates spread over 20 tenants.
    static func largePlan(_ count: Int) -> Plan {
        let changes = (0..<count).map { index in
            PlannedChange(
                .mapping(CatalogKey(.exactOnline, "t\(index % 20)"), .customer, code: String(100_000 + index)),
                index % 10 == 0 ? .delete : .create,
                fields: [FieldChange("halo", old: nil, new: "\"Customer \(index)\"")])
        }
        return Plan(
            remoteFingerprint: String(repeating: "0", count: 64), changes: changes, operations: [], warnings: [],
            drift: [])
    }

    @Test func markdownOfAHundredThousandChangesStaysUnderTheCommentLimit() {
        let plan = Self.largePlan(100_000)
        let markdown = PlanMarkdownRenderer().render(plan)
        #expect(markdown.count <= PlanMarkdownRenderer.defaultLimit)
        #expect(markdown.contains("**Plan: 90000 to add, 0 to change, 0 to replace, 10000 to destroy.**"))
        #expect(markdown.contains("> Truncated: "))
        #expect(markdown.contains("Run `haloform plan` for the whole plan."))
        #expect(markdown.contains("This plan destroys 10000 things in Halo."))
    }

    @Test func smallMarkdownIsWholeAndGrouped() {
        let plan = Self.largePlan(3)
        #expect(
            PlanMarkdownRenderer().render(plan) == """
                ### haloform plan

                **Plan: 2 to add, 0 to change, 0 to replace, 1 to destroy.**

                > [!WARNING]
                > This plan destroys 1 thing in Halo.

                <details open><summary><code>exact_online.tenant["t0"]</code> (1 change)</summary>

                ```diff
                - - exact_online.tenant["t0"].customer_mapping["100000"]
                -     halo = "Customer 0"
                ```

                </details>

                <details open><summary><code>exact_online.tenant["t1"]</code> (1 change)</summary>

                ```diff
                + + exact_online.tenant["t1"].customer_mapping["100001"]
                +     halo = "Customer 1"
                ```

                </details>

                <details open><summary><code>exact_online.tenant["t2"]</code> (1 change)</summary>

                ```diff
                + + exact_online.tenant["t2"].customer_mapping["100002"]
                +     halo = "Customer 2"
                ```

                </details>


                """)
    }

    @Test func deletionGuardRefusesLargeShares() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        let index = simulator.state[.exactDetails].firstIndex { $0["name"] == "nl" }!
        simulator.state[.exactDetails][index]["client_mappings"] = .array(
            (0..<20).map { i in
                ["id": .int(100 + i), "halo_id": 1, "third_party_id": .string("x\(i)")]
            })
        let plan = try #require(PlannerFixtures.plan(against: simulator.state).plan)
        // Acme BV's first stray link is moved to its declared code "1001"; the other 19 go.
        #expect(
            DeletionGuard().violations(of: plan, against: simulator.state) == [
                "the plan deletes 19 of 21 exact_online mappings (90%), more than the 33% allowed"
            ])
        #expect(DeletionGuard(maximumShare: 1).violations(of: plan, against: simulator.state).isEmpty)
    }

    @Test func aDeletedTenantCountsTheMappingsItTakesAlong() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        simulator.state[.exactDetails].append([
            "id": 90, "name": "old",
            "client_mappings": .array(
                (0..<20).map { i in
                    ["id": .int(200 + i), "halo_id": 1, "third_party_id": .string("y\(i)")]
                }),
        ])
        let plan = try #require(PlannerFixtures.plan(against: simulator.state).plan)
        #expect(plan.changes.map(\.subject) == [.tenant(CatalogKey(.exactOnline, "old"))])
        #expect(
            DeletionGuard().violations(of: plan, against: simulator.state) == [
                "the plan deletes 20 of 23 exact_online mappings (87%), more than the 33% allowed"
            ])
    }

    @Test func theJSONDocumentReadsBackAsThePlan() throws {
        var plan = try #require(PlannerFixtures.plan().plan)
        plan.configRoot = "config"
        plan.priorState = RemoteSnapshot(PlannerFixtures.emptyHalo)
        plan.cost = PlanCost(systems: [
            PlanCost.System(name: "Halo", reads: 3, writes: 2, limit: 700, windowSeconds: 300)
        ])
        plan.changes += Self.largePlan(3).changes
        let text = PlanJSONRenderer().render(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: Data(text.utf8)) == plan)
        #expect(
            text.hasPrefix(
                "{\n  \"changes\" : [\n    {\n      \"action\" : \"update\",\n      \"address\" : \"exact_online.module\",\n"
            ))
        #expect(
            text.contains(
                "\"subject\" : {\n        \"integration\" : \"exact_online\",\n        \"kind\" : \"customer_mapping\",\n        \"name\" : \"100000\",\n        \"tenant\" : \"t0\"\n      }"
            ))
    }

    @Test func changeGroupsKeepThePlansOrderAndShortenAddresses() {
        var plan = Self.largePlan(40)
        plan.changes.insert(PlannedChange(.billing, .update, fields: []), at: 0)
        let groups = ChangeGroup.groups(of: plan)
        #expect(groups.map(\.name) == ["billing"] + (0..<20).map { #"exact_online.tenant["t\#($0)"]"# })
        #expect(
            groups[1].changes.map(\.address) == plan.changes.filter { $0.address.contains(#""t0""#) }.map(\.address))
        #expect(groups[1].relativeAddress(of: groups[1].changes[0]) == #"customer_mapping["100000"]"#)
        #expect(groups[0].relativeAddress(of: groups[0].changes[0]) == "billing")
        #expect(groups[1].count(.delete) == 2 && groups[2].count(.create) == 2)
    }

    @Test func theHTMLPageIsSelfContainedAndNoValueEndsItsScript() {
        var plan = Self.largePlan(3)
        plan.changes.append(
            PlannedChange(
                .billing, .update,
                fields: [
                    FieldChange("note", old: "a & b", new: "</script><script>alert(1)</script><!--"),
                    FieldChange("secret", old: "old-secret", new: "new-secret", sensitive: true),
                ]))
        let html = PlanHTMLRenderer().render(plan)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Plan: 2 to add, 1 to change, 0 to replace, 1 to destroy."))
        // The page's two script elements, and no third opened or closed by a value.
        #expect(html.components(separatedBy: "</script>").count == 3)
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.contains(#"\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!--"#))
        #expect(!html.contains("old-secret") && !html.contains("new-secret"))
        for reference in ["src=", "href=", "http://", "https://", "@import"] { #expect(!html.contains(reference)) }

        let none = PlanHTMLRenderer().render(Self.largePlan(0))
        #expect(none.contains("No changes. Halo matches the configuration.") && !none.contains("id=\"filter\""))
    }
}
