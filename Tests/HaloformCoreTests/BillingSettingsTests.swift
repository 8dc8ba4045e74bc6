import Foundation
import HaloformCore
import JSONText
import Testing

/// Item 3 of issue 10: the billing settings the guides send an admin to, and Business Central's legacy toggle, all in
/// `/Control`: declared, planned, applied (simulated), imported.
@Suite struct BillingSettingsTests {
    static let config =
        (PlannerFixtures.config + """
            billing:
              auto_generate_accounts_id: { customers: true, products: true }

            """)
        .replacingOccurrences(
            of: "business_central:\n  enabled: true\n",
            with: "business_central:\n  enabled: true\n  legacy_integration: false\n")

    @Test func theySetControlInTheOneControlPost() throws {
        var remote = PlannerFixtures.emptyHalo
        remote.control = [
            "id": 1, "autogenerate_accountsid": false, "autogenerate_itemaccountsid": nil,
            "enable_legacy_dbc_integration": true,
        ]
        let result = PlannerFixtures.plan(Self.config, against: remote)
        let plan = try #require(result.plan, "\(result.diagnostics)")
        let controls = plan.operations.filter { $0.collection == .control }
        #expect(controls.count == 1)
        let body = try #require(controls.first?.body)
        #expect(body["autogenerate_accountsid"] == true)
        #expect(body["autogenerate_itemaccountsid"] == true)
        #expect(body["enable_legacy_dbc_integration"] == false)
        #expect(controls.first?.addresses.contains("billing") == true)
        let billing = try #require(plan.changes.first { $0.address == "billing" })
        #expect(billing.integration == nil)
        #expect(
            billing.fields == [
                FieldChange("auto_generate_accounts_id.customers", old: "false", new: "true"),
                FieldChange("auto_generate_accounts_id.products", old: "false", new: "true"),
            ])
        let defaults = try #require(plan.changes.first { $0.address == "business_central.defaults" })
        #expect(defaults.fields.contains(FieldChange("legacy_integration", old: "true", new: "false")))

        var simulator = RemoteSimulator(state: remote)
        simulator.apply(plan)
        let again = try #require(PlannerFixtures.plan(Self.config, against: simulator.state).plan)
        #expect(
            !again.changes.contains { $0.address == "billing" || $0.address == "business_central.defaults" },
            "\(again.changes)")
    }

    @Test func absentTheyAreNeverTouched() throws {
        var remote = PlannerFixtures.emptyHalo
        remote.control = ["id": 1, "autogenerate_accountsid": true, "enable_legacy_dbc_integration": true]
        let plan = try #require(PlannerFixtures.plan(against: remote).plan)
        let body = plan.operations.first { $0.collection == .control }?.body ?? [:]
        #expect(body["autogenerate_accountsid"] == nil)
        #expect(body["enable_legacy_dbc_integration"] == nil)
        #expect(!plan.changes.contains { $0.address == "billing" })
    }

    @Test func importWritesThemAndPlansNoChange() throws {
        var remote = ImportTests.converged
        remote.control["autogenerate_accountsid"] = true
        remote.control["autogenerate_itemaccountsid"] = false
        remote.control["enable_legacy_dbc_integration"] = false
        let imported = ConfigWriter(remote: remote).write(halo: nil)
        #expect(
            imported.files.map(\.name) == [
                "billing.yaml", "exact-online.yaml", "business-central.yaml", "sage-business-cloud.yaml",
            ])
        #expect(
            imported.files[0].text == """
                # yaml-language-server: $schema=haloform.schema.json
                billing:
                  auto_generate_accounts_id:
                    customers: true
                    products: false

                """)
        #expect(imported.files[2].text.contains("business_central:\n  enabled: true\n  legacy_integration: false\n"))
        let (loaded, result) = ImportTests.replan(imported, against: remote)
        #expect(loaded.isValid, "\(loaded.diagnostics)")
        #expect(result.plan?.changes == [], "\(result.plan?.changes ?? [])")
    }
}
