import Foundation
import HaloformCore
import JSONText
import Testing
import YAMLSyntax

/// Item 4 of issue 10: each tenant's accounts on Halo product groups (`AssetGroup.accounts_mappings`), declared by group
/// name and accounting codes, planned per group and tenant, applied as one POST per group, imported.
@Suite struct GroupAccountsTests {
    static let config = PlannerFixtures.config.replacingOccurrences(
        of: "          - { exact: \"100\", halo: Hardware }\n",
        with:
            "          - { exact: \"100\", halo: Hardware }\n        group_accounts:\n          - { halo: Hardware, income: \"8000\", expense: \"7000\", tax: BTW hoog }\n"
    )

    /// Halo after the fixture was applied, with product groups whose Hardware holds Business Central's entry.
    static var remote: RemoteState {
        var remote = ImportTests.converged
        remote[.assetGroup] = [
            ["id": 1, "name": "Services", "accounts_mappings": []],
            [
                "id": 2, "name": "Hardware",
                "accounts_mappings": [["id": 5, "gid": 2, "tenantid": "c-nl", "nominalcode": "8000"]],
            ],
        ]
        remote.catalogs[CatalogKey(.exactOnline, "nl")]?.accounts = [
            CatalogEntry(id: "a1", code: "8000", name: "Omzet"), CatalogEntry(id: "a2", code: "7000", name: "Inkoop"),
        ]
        return remote
    }

    @Test func anEntryIsPlannedAtItsOwnAddressAndPostedWithTheOtherTenantsEntries() throws {
        let plan = try #require(PlannerFixtures.plan(Self.config, against: Self.remote).plan)
        #expect(plan.changes.map(\.address) == ["exact_online.tenant[\"nl\"].group_accounts[\"Hardware\"]"])
        #expect(
            plan.changes == [
                PlannedChange(
                    .groupAccounts(CatalogKey(.exactOnline, "nl"), group: "Hardware"), .create,
                    fields: [
                        FieldChange("income", old: nil, new: "\"8000\""),
                        FieldChange("expense", old: nil, new: "\"7000\""),
                        FieldChange("tax", old: nil, new: "\"BTW hoog\""),
                    ]
                )
            ])
        #expect(plan.operations.count == 1)
        let post = try #require(plan.operations.first)
        #expect(post.collection == .assetGroup && post.recordID == 2)
        #expect(
            post.body["accounts_mappings"] == [
                ["id": 5, "gid": 2, "tenantid": "c-nl", "nominalcode": "8000"],
                ["tenantid": "100", "nominalcode": "8000", "nominalcode_purchase": "7000", "taxcode": 1],
            ])

        var simulator = RemoteSimulator(state: Self.remote)
        simulator.apply(plan)
        #expect(try #require(PlannerFixtures.plan(Self.config, against: simulator.state).plan).changes == [])

        let changed = Self.config.replacingOccurrences(of: "income: \"8000\"", with: "income: \"7000\"")
        let update = try #require(PlannerFixtures.plan(changed, against: simulator.state).plan)
        #expect(update.changes.map(\.action) == [.update])
        #expect(update.changes.first?.fields == [FieldChange("income", old: "\"8000\"", new: "\"7000\"")])
    }

    @Test func codesAreCheckedAgainstTheTenantsCatalog() {
        let config = Self.config.replacingOccurrences(
            of: "{ halo: Hardware, income: \"8000\"", with: "{ halo: Hardwar, income: \"8001\"")
        let result = PlannerFixtures.plan(config, against: Self.remote)
        #expect(result.plan == nil)
        #expect(
            result.diagnostics.filter { $0.severity == .error }.map { "\($0.range!.start): \($0.message)" } == [
                "25:21: Halo has no product group named 'Hardwar' (did you mean 'Hardware'?)",
                "25:38: Exact Online has no account '8001' (did you mean '8000'?)",
            ])
    }

    @Test func theTenantsOtherEntriesArePrunedOrReported() throws {
        var remote = Self.remote
        remote[.assetGroup][0]["accounts_mappings"] = [
            ["id": 6, "gid": 1, "tenantid": "100", "nominalcode": "7000"]
        ]
        let plan = try #require(PlannerFixtures.plan(Self.config, against: remote).plan)
        let removal = try #require(plan.changes.first { $0.action == .delete })
        #expect(removal.address == "exact_online.tenant[\"nl\"].group_accounts[\"Services\"]")
        #expect(plan.operations.first { $0.recordID == 1 }?.body["accounts_mappings"] == [])

        let keeping = Self.config.replacingOccurrences(
            of: "        group_mappings:", with: "        prune: false\n        group_mappings:")
        let kept = try #require(PlannerFixtures.plan(keeping, against: remote).plan)
        #expect(!kept.changes.contains { $0.action == .delete })
        #expect(kept.drift.map(\.address) == ["exact_online.tenant[\"nl\"].group_accounts[\"Services\"]"])
    }

    @Test func oneEntryPerGroupAndTenant() {
        let text = Self.config.replacingOccurrences(
            of: "tax: BTW hoog }\n", with: "tax: BTW hoog }\n          - { halo: Hardware, income: \"7000\" }\n")
        let loaded = load(text)
        #expect(
            loaded.diagnostics.map(\.message).contains(
                "Halo product group 'Hardware' has two group_accounts entries in tenant 'nl'"))
        #expect(!loaded.isValid)
    }

    @Test func aSageTenantThisApplyCreatesGetsItsEntryOnTheNextRun() throws {
        let config = PlannerFixtures.config.replacingOccurrences(
            of: "      business: Acme Ltd\n",
            with:
                "      business: Acme Ltd\n      products: { group_accounts: [ { halo: Services, tax: Standard } ] }\n")
        var remote = PlannerFixtures.emptyHalo
        remote[.assetGroup] = [["id": 1, "name": "Services"], ["id": 2, "name": "Hardware"]]
        let first = try #require(PlannerFixtures.plan(config, against: remote).plan)
        #expect(!first.operations.contains { $0.collection == .assetGroup }, "the tenant's Halo id is not known yet")
        #expect(
            first.warnings.contains(
                PlanWarning(
                    address: "sage_business_cloud.tenant[\"uk\"]",
                    message:
                        "the group accounts of sage_business_cloud.tenant[\"uk\"] need the tenant's Halo id, which this apply creates: plan and apply again afterwards"
                )))
        var simulator = RemoteSimulator(state: remote)
        simulator.apply(first)
        let sageID = try #require(simulator.state[.sageBusinessCloudDetails].first?["id"]?.int)
        let second = try #require(PlannerFixtures.plan(config, against: simulator.state).plan)
        #expect(second.changes.map(\.address) == ["sage_business_cloud.tenant[\"uk\"].group_accounts[\"Services\"]"])
        #expect(
            second.operations.first?.body["accounts_mappings"] == [["tenantid": .string(String(sageID)), "taxcode": 2]])
    }

    @Test func aReplacedBusinessCentralConnectionTakesItsOldCompanysEntriesAlong() throws {
        let config = Self.config.replacingOccurrences(
            of: "      accounts: { default_sales: \"8000\" }\n",
            with:
                "      accounts: { default_sales: \"8000\" }\n      products: { group_accounts: [ { halo: Services, income: \"8000\" }, { halo: Hardware, income: \"8000\" } ] }\n"
        )
        var remote = Self.remote
        remote[.assetGroup][0]["accounts_mappings"] = [
            ["id": 7, "gid": 1, "tenantid": "c-nl", "nominalcode": "8000"]
        ]
        let same = try #require(PlannerFixtures.plan(config, against: remote).plan)
        #expect(!same.changes.contains { $0.address.hasPrefix("business_central") }, "\(same.changes)")

        let replaced = try #require(
            PlannerFixtures.plan(
                config.replacingOccurrences(of: "company: CRONUS NL", with: "company: CRONUS UK"), against: remote
            ).plan)
        let services = replaced.changes.filter {
            $0.address == "business_central.tenant[\"prod\"].group_accounts[\"Services\"]"
        }
        #expect(services.map(\.action) == [.delete, .create])
        let post = try #require(replaced.operations.first { $0.collection == .assetGroup && $0.recordID == 1 })
        #expect(post.body["accounts_mappings"] == [["tenantid": "c-uk", "nominalcode": "8000"]])
        let hardware = try #require(replaced.operations.first { $0.collection == .assetGroup && $0.recordID == 2 })
        #expect(
            replaced.operations.filter { $0.collection == .assetGroup && $0.recordID == 2 }.count == 1,
            "one POST per group")
        #expect(
            hardware.body["accounts_mappings"]?.array?.compactMap { $0.object?["tenantid"]?.string } == [
                "100", "c-uk",
            ],
            "Exact's entry is added, the old company's goes, the new one's comes")
    }

    @Test func importWritesThemBackToNoChanges() throws {
        var simulator = RemoteSimulator(state: Self.remote)
        simulator.apply(try #require(PlannerFixtures.plan(Self.config, against: Self.remote).plan))
        let imported = ConfigWriter(remote: simulator.state).write(halo: nil)
        #expect(
            imported.files[0].text.contains(
                """
                        group_accounts:
                          - { halo: Hardware, income: "8000", expense: "7000", tax: BTW hoog }

                """), "\(imported.files[0].text)")
        let (loaded, result) = ImportTests.replan(imported, against: simulator.state)
        #expect(loaded.isValid, "\(loaded.diagnostics)")
        #expect(result.plan?.changes == [], "\(result.plan?.changes ?? [])")
    }
}
