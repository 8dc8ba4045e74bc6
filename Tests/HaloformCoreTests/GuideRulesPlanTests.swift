import Foundation
import HaloformCore
import JSONText
import Testing

/// Item 5 of issue 10, in the plan: the guides' rules about moved customers, replacements, site addresses and tax imports.
@Suite struct GuideRulesPlanTests {
    /// Halo after the planner fixture's config was applied.
    static var converged: RemoteState { ImportTests.converged }

    static let moved = PlannerFixtures.config.replacingOccurrences(
        of: "{ halo: Globex BV, exact: \"1002\" }", with: "{ halo: Globex BV, exact: \"1003\" }")

    @Test func aChangedCustomerCodeIsOneMove() throws {
        let plan = try #require(PlannerFixtures.plan(Self.moved, against: Self.converged).plan)
        #expect(
            plan.changes == [
                PlannedChange(
                    .mapping(CatalogKey(.exactOnline, "nl"), .customer, code: "1003"), .update,
                    fields: [FieldChange("exact", old: "\"1002\"", new: "\"1003\"")]
                )
            ])
        #expect(plan.changes.map(\.address) == ["exact_online.tenant[\"nl\"].customer_mapping[\"1003\"]"])
        let array = plan.operations.first?.body["client_mappings"]?.array?.compactMap { $0.object }
        let links = try #require(array)
        #expect(links.map { $0["third_party_id"] } == ["g-1001", "g-1003"])
        let before = Self.converged[.exactDetails].first?["client_mappings"]?.array?.last?.object?["id"]
        #expect(links.last?["id"] == before, "the same link, pointed at the new code")
        #expect(!plan.warnings.contains { $0.message.contains("twice") })

        var simulator = RemoteSimulator(state: Self.converged)
        simulator.apply(plan)
        #expect(try #require(PlannerFixtures.plan(Self.moved, against: simulator.state).plan).changes == [])
    }

    @Test func withPruneFalseTheMovedCustomerIsLinkedTwiceAndThePlanSaysSo() throws {
        let keeping = Self.moved.replacingOccurrences(
            of: "top_level: Customers NL", with: "top_level: Customers NL\n        prune: false")
        let plan = try #require(PlannerFixtures.plan(keeping, against: Self.converged).plan)
        #expect(plan.changes.map(\.address) == ["exact_online.tenant[\"nl\"].customer_mapping[\"1003\"]"])
        #expect(plan.changes.first?.fields == [FieldChange("exact", old: "\"1002\"", new: "\"1003\"")])
        #expect(plan.drift.map(\.address) == ["exact_online.tenant[\"nl\"].customer_mapping[\"1002\"]"])
        let twice =
            "Halo customer \"Globex BV\" is linked twice in exact_online.tenant[\"nl\"], to \"1002\" and \"1003\": the list is prune: false, so the link to \"1002\" stays, and the customer syncs to whichever runs last; delete that link in Halo, or apply once with prune: true to move it"
        #expect(plan.warnings.map(\.message).contains(twice), "\(plan.warnings)")
        #expect(plan.operations.first?.body["client_mappings"]?.array?.count == 3)

        var simulator = RemoteSimulator(state: Self.converged)
        simulator.apply(plan)
        let again = try #require(PlannerFixtures.plan(keeping, against: simulator.state).plan)
        #expect(again.changes == [])
        #expect(again.warnings.map(\.message).contains(twice), "as long as Halo links it twice")
    }

    @Test func aBusinessCentralReplacementNamesThePruneFalseMappingsItDrops() throws {
        var remote = Self.converged
        let index = try #require(remote[.businessCentralDetails].firstIndex { $0["name"] == "prod" })
        var links = remote[.businessCentralDetails][index]["client_mappings"]!.array!
        links.append(["id": 90, "halo_id": 1, "third_party_id": "b-10010", "third_party_desc": "10010"])
        remote[.businessCentralDetails][index]["client_mappings"] = .array(links)
        let config = PlannerFixtures.config
            .replacingOccurrences(
                of: "customers: { mappings: [ { halo: Initech",
                with: "customers: { prune: false, mappings: [ { halo: Initech")
        let kept = try #require(PlannerFixtures.plan(config, against: remote).plan)
        #expect(kept.drift.map(\.address) == ["business_central.tenant[\"prod\"].customer_mapping[\"10010\"]"])
        #expect(!kept.warnings.contains { $0.message.contains("replacement") })

        let replaced = try #require(
            PlannerFixtures.plan(
                config.replacingOccurrences(of: "company: CRONUS NL", with: "company: CRONUS UK"), against: remote
            ).plan)
        #expect(replaced.changes.first { $0.address == "business_central.tenant[\"prod\"]" }?.action == .replace)
        #expect(
            replaced.warnings.contains(
                PlanWarning(
                    address: "business_central.tenant[\"prod\"]",
                    message:
                        "the replacement deletes the old Halo record with 1 mapping the config does not name, though its list is prune: false: customer_mapping[\"10010\"] (Halo customer 'Acme BV'); add them to the config to keep them"
                )), "\(replaced.warnings)")
    }

    @Test func theAddressWarningSpeaksForSageAndBusinessCentralToo() throws {
        var remote = PlannerFixtures.emptyHalo
        remote.catalogs[CatalogKey(.sageBusinessCloud, "uk")]?.customers = [
            CatalogEntry(id: "s-1", code: "ACME001", name: "Acme")
        ]
        let config = PlannerFixtures.config
            .replacingOccurrences(
                of: "      business: Acme Ltd\n",
                with: "      business: Acme Ltd\n      customers: { mappings: [ { halo_id: 4, sage: ACME001 } ] }\n")
        let plan = try #require(PlannerFixtures.plan(config, against: remote).plan)
        let messages = plan.warnings.map(\.message)
        #expect(
            messages.contains(
                "mapping \"Initech\" to Business Central customers stores each one's Business Central address, country code and phone number against its main site on the next import; give a customer a new main site first if its address must stay"
            ), "\(messages)")
        #expect(
            messages.contains(
                "mapping \"Twin\" to Sage customers imports each one's Sage 'Invoice Address' as its site address on the next import; give a customer a new main site first if its address must stay"
            ), "\(messages)")
    }

    @Test func theTaxImportWarningCountsEveryTenantOfTheIntegrationAndEveryImport() throws {
        var remote = PlannerFixtures.emptyHalo
        remote[.tax] = [
            ["id": 1, "name": "BTW hoog"], ["id": 2, "name": "Standard"],
            ["id": 3, "name": "Exempt", "exact_division": 200, "exacttaxcode": ["value": "0", "label": "Geen"]],
        ]
        remote.catalogs[CatalogKey(.exactOnline, "be")] = Catalog(companies: [
            CatalogEntry(id: "200", code: "200", name: "Acme BE")
        ])
        let config = PlannerFixtures.config.replacingOccurrences(
            of: "show_success_message: true }\nbusiness_central:",
            with:
                "show_success_message: true }\n    - { name: be, location: be, division: 200, client_id: app, client_secret: \"${env:EXACT_SECRET}\" }\nbusiness_central:"
        )
        let loaded = load(config)
        #expect(loaded.config.integrations[.exactOnline]?.tenants.count == 2, "\(loaded.diagnostics)")
        let plan = try #require(PlannerFixtures.plan(config, against: remote).plan)
        #expect(
            plan.warnings.map(\.message).contains(
                "importing tax rates from Exact Online (with Import Tax Rates) removes the Halo tax rates no Exact Online company links: 'Standard'"
            ), "'Exempt' is linked by exact-be, and the warning holds with no daily import: \(plan.warnings)")
    }
}
