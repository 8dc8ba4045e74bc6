import Foundation
import HaloformCore
import JSONText
import Testing
import YAMLSyntax

@Suite struct PlannerTests {
    @Test func firstPlanCreatesEverythingInApplyOrder() throws {
        let result = PlannerFixtures.plan()
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        let plan = try #require(result.plan)
        #expect(
            plan.operations.map(\.collection) == [
                .features, .features, .exactDetails, .businessCentralDetails, .sageBusinessCloudDetails, .tax, .tax,
                .control,
            ])
        #expect(
            plan.changes.map(\.address).prefix(4) == [
                "exact_online.module", "business_central.module",
                "exact_online.tenant[\"nl\"]", "exact_online.tenant[\"nl\"].customer_mapping[\"1001\"]",
            ])
        #expect(plan.count(.create) == 9)
        let control = try #require(plan.operations.last)
        #expect(control.body["exactdefaultdivision"] == 100)
        #expect(control.body["exact_default_invoice_status"] == 20)
        #expect(control.body["dbc_default_company"] == "c-nl")
        #expect(control.deferredIDs == ["sagebusinessclouddefaulttenantid": "sage_business_cloud.tenant[\"uk\"]"])
        let sageTax = try #require(plan.operations.first { $0.collection == .tax && $0.recordID == 2 })
        #expect(sageTax.deferredIDs == ["sage_tenant_id": "sage_business_cloud.tenant[\"uk\"]"])
    }

    @Test func onlyFieldsHalosDocumentShowsAreWritten() throws {
        let config = PlannerFixtures.config
            .replacingOccurrences(
                of: "tax_rates: { mappings: [ { halo: Standard",
                with: "tax_rates: { import_daily: true, mappings: [ { halo: Standard"
            )
            .replacingOccurrences(
                of: "      business: Acme Ltd\n",
                with:
                    "      business: Acme Ltd\n      products: { group_mappings: [ { sage: SERVICE, halo: Services } ] }\n"
            )
        var remote = PlannerFixtures.emptyHalo
        remote.catalogs[CatalogKey(.sageBusinessCloud, "uk")]?.productGroups = [
            CatalogEntry(id: "SERVICE", code: "SERVICE", name: "Service")
        ]
        let plan = try #require(PlannerFixtures.plan(config, against: remote).plan)
        let sage = try #require(plan.operations.first { $0.collection == .sageBusinessCloudDetails })
        #expect(sage.body["do_daily_tax_import"] == true)
        #expect(sage.body["import_tax_rates_daily"] == nil)
        #expect(
            sage.body["tenantid"] == nil, "Halo keeps no Sage business: the config's business only picks the catalog")
        let group = try #require(sage.body["item_group_mappings"]?.array?.first?.object)
        #expect(group["third_party_id"] == "SERVICE")
        #expect(group["table_id"] == nil, "no table id is known for product groups (8 is Item's)")
        let exact = try #require(plan.operations.first { $0.collection == .exactDetails })
        #expect(exact.body["client_mappings"]?.array?.first?.object?["table_id"] == 2)

        let unreachable = config.replacingOccurrences(of: "business: Acme Ltd", with: "business: Nobody Ltd")
        let refused = PlannerFixtures.plan(unreachable)
        #expect(refused.plan == nil)
        #expect(
            refused.diagnostics.contains { $0.message.contains("Sage has no business 'Nobody Ltd'") },
            "\(refused.diagnostics)")
    }

    @Test func aCreatedTenantCarriesItsMappingsAndSecretsByName() throws {
        let plan = try #require(PlannerFixtures.plan().plan)
        let exact = try #require(plan.operations.first { $0.collection == .exactDetails })
        #expect(exact.recordID == nil)
        #expect(exact.body["name"] == "nl")
        #expect(exact.body["clienttoplevel"] == 1)
        #expect(exact.body["itemgroup"] == 1)
        #expect(exact.body["syncentities"] == "customers,invoices")
        #expect(exact.body["client_mappings"]?.array?.count == 2)
        #expect(exact.body["client_mappings"]?.array?.first?.object?["third_party_id"] == "g-1001")
        #expect(exact.secrets == ["new_client_secret": "EXACT_SECRET"])
        #expect(exact.body["new_client_secret"] == nil)
    }

    @Test func applyingThePlanConverges() throws {
        let plan = try #require(PlannerFixtures.plan().plan)
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(plan)
        let second = try #require(PlannerFixtures.plan(against: simulator.state).plan)
        #expect(second.changes.map(\.address) == [])
        #expect(second.operations.isEmpty)
    }

    @Test func editingOneMappingGivesOneUpdate() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        let edited = PlannerFixtures.config.replacingOccurrences(
            of: "{ halo: Globex BV, exact: \"1002\" }", with: "{ halo: Initech, exact: \"1002\" }")
        let plan = try #require(PlannerFixtures.plan(edited, against: simulator.state).plan)
        #expect(
            plan.changes == [
                PlannedChange(
                    .mapping(CatalogKey(.exactOnline, "nl"), .customer, code: "1002"), .update,
                    fields: [FieldChange("halo", old: "\"Globex BV\"", new: "\"Initech\"")]
                )
            ])
        #expect(plan.changes.map(\.address) == ["exact_online.tenant[\"nl\"].customer_mapping[\"1002\"]"])
        #expect(plan.operations.count == 1)
        #expect(plan.operations[0].body.keys.sorted() == ["client_mappings", "id"])
    }

    @Test func changingTheBusinessCentralCompanyReplacesTheTenant() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        let edited = PlannerFixtures.config.replacingOccurrences(of: "company: CRONUS NL", with: "company: CRONUS UK")
        let plan = try #require(PlannerFixtures.plan(edited, against: simulator.state).plan)
        let tenant = try #require(plan.changes.first { $0.address == "business_central.tenant[\"prod\"]" })
        #expect(tenant.action == .replace)
        #expect(
            tenant.fields.contains(
                FieldChange("company", old: "\"CRONUS NL\"", new: "\"CRONUS UK\"", forcesReplacement: true)))
        #expect(tenant.fields.contains { $0.name == "client_secret" && $0.sensitive })
        let kinds = plan.operations.filter { $0.collection == .businessCentralDetails }.map(\.kind)
        #expect(kinds == [.delete, .upsert])
        simulator.apply(plan)
        #expect(try #require(PlannerFixtures.plan(edited, against: simulator.state).plan).changes.isEmpty)
    }

    @Test func aTenantTheConfigDropsIsDeletedLast() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        simulator.state[.exactDetails].append([
            "id": 9, "name": "old", "client_mappings": [["halo_id": 1, "third_party_id": "x"]],
        ])
        let plan = try #require(PlannerFixtures.plan(against: simulator.state).plan)
        #expect(
            plan.changes == [
                PlannedChange(
                    .tenant(CatalogKey(.exactOnline, "old")), .delete,
                    fields: [FieldChange("mappings", old: "1", new: nil)])
            ])
        #expect(
            plan.operations == [
                Operation(
                    kind: .delete, collection: .exactDetails, recordID: 9, addresses: ["exact_online.tenant[\"old\"]"])
            ])
    }

    @Test func aDoubledTenantRecordIsDeleted() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        var twin = simulator.state[.exactDetails].first { $0["name"] == "nl" }!
        twin["id"] = 9
        simulator.state[.exactDetails].append(twin)
        let plan = try #require(PlannerFixtures.plan(against: simulator.state).plan)
        #expect(
            plan.operations == [
                Operation(
                    kind: .delete, collection: .exactDetails, recordID: 9, addresses: ["exact_online.tenant[\"nl\"]"])
            ])
    }

    @Test func pruneFalseReportsDriftAndKeepsTheMapping() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        let index = simulator.state[.exactDetails].firstIndex { $0["name"] == "nl" }!
        var links = simulator.state[.exactDetails][index]["client_mappings"]!.array!
        links.append(["id": 77, "halo_id": 3, "third_party_id": "g-1003", "third_party_desc": "1003"])
        simulator.state[.exactDetails][index]["client_mappings"] = .array(links)

        let pruning = try #require(PlannerFixtures.plan(against: simulator.state).plan)
        #expect(pruning.changes.map(\.address) == ["exact_online.tenant[\"nl\"].customer_mapping[\"1003\"]"])
        #expect(pruning.changes.first?.action == .delete)
        #expect(pruning.operations.first?.body["client_mappings"]?.array?.count == 2)

        let keeping = PlannerFixtures.config.replacingOccurrences(
            of: "top_level: Customers NL", with: "top_level: Customers NL\n        prune: false")
        let drifting = try #require(PlannerFixtures.plan(keeping, against: simulator.state).plan)
        #expect(drifting.changes.isEmpty)
        #expect(
            drifting.drift == [
                Drift(
                    address: "exact_online.tenant[\"nl\"].customer_mapping[\"1003\"]",
                    description: "maps Halo customer \"Initech\"; in Halo but not in the config (prune: false)")
            ])
    }

    @Test func unresolvedAndAmbiguousReferencesAreLocatedErrors() {
        let config = PlannerFixtures.config
            .replacingOccurrences(
                of: "{ halo: Acme BV, exact: \"1001\" }", with: "{ halo: Acme B.V., exact: \"1001\" }"
            )
            .replacingOccurrences(of: "{ halo: Globex BV, exact: \"1002\" }", with: "{ halo: Twin, exact: \"9999\" }")
        let result = PlannerFixtures.plan(config)
        #expect(result.plan == nil)
        #expect(
            result.diagnostics.filter { $0.severity == .error }.map { "\($0.range!.start): \($0.message)" } == [
                "18:21: Halo has no customer named 'Acme B.V.' (did you mean 'Acme BV'?)",
                "19:21: 'Twin' matches 2 Halo customers (ids 4, 5)",
                "19:34: Exact Online has no customer '9999'",
            ])
    }

    @Test func unsetVariablesAreLocatedErrorsExceptInTheSandbox() {
        let config = PlannerFixtures.config.replacingOccurrences(
            of: "client_id: app", with: "client_id: ${env:EXACT_APP}")
        let loaded = load(config)
        let real = Planner(
            config: loaded.config, remote: PlannerFixtures.emptyHalo, environment: PlannerFixtures.environment
        ).plan()
        #expect(real.diagnostics.map(\.message) == ["environment variable 'EXACT_APP' for 'client_id' is not set"])
        let sandbox = Planner(
            config: loaded.config, remote: PlannerFixtures.emptyHalo,
            environment: ConfigEnvironment(variables: [:], isSandbox: true)
        ).plan()
        let body = sandbox.plan?.operations.first { $0.collection == .exactDetails }?.body
        #expect(body?["client_id"] == "sandbox-exact_app", "the sandbox's stand-in for the unset variable")
    }

    @Test func secretsNeverReachThePlanDocument() throws {
        let plan = try #require(PlannerFixtures.plan(options: PlanOptions(rotateSecrets: true)).plan)
        let text =
            PlanJSONRenderer().render(plan) + PlanTextRenderer(color: false).render(plan)
            + PlanMarkdownRenderer().render(plan)
        #expect(!text.contains("s3cr3t"))
        #expect(text.contains("EXACT_SECRET"))
    }

    @Test func rotateSecretsPushesThemAgain() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        let rotated = try #require(
            PlannerFixtures.plan(against: simulator.state, options: PlanOptions(rotateSecrets: true)).plan)
        #expect(rotated.changes.map(\.address) == ["exact_online.tenant[\"nl\"]", "business_central.tenant[\"prod\"]"])
        #expect(
            rotated.operations.map(\.secrets) == [
                ["new_client_secret": "EXACT_SECRET"], ["new_client_secret": "BC_SECRET"],
            ])
    }

    @Test func warningsTheGuidesImply() throws {
        let config = PlannerFixtures.config.replacingOccurrences(
            of: "tax_rates: { mappings:", with: "tax_rates: { import_daily: true, mappings:"
        )
        .replacingOccurrences(
            of: "{ halo: Initech, business_central: \"10000\" }", with: "{ halo: Acme BV, business_central: \"10000\" }"
        )
        let plan = try #require(PlannerFixtures.plan(config).plan)
        #expect(
            plan.warnings.map(\.message) == [
                "mapping \"Acme BV\", \"Globex BV\" to Exact customers replaces each one's main site address with the Exact address on the next import; give a customer a new main site first if its address must stay",
                "enabling Business Central sets the tax of every customer and item to zero and hides the tax fields: Business Central's tax engine computes tax from then on",
                "mapping \"Acme BV\" to Business Central customers stores each one's Business Central address, country code and phone number against its main site on the next import; give a customer a new main site first if its address must stay",
                "importing tax rates from Exact Online (with Import Tax Rates) removes the Halo tax rates no Exact Online company links: 'Standard', 'Exempt'",
                "importing tax rates from Sage Business Cloud (daily, or with Import Tax Rates) removes the Halo tax rates no Sage Business Cloud company links: 'BTW hoog', 'Exempt'",
                "Halo customer 'Acme BV' is linked to accounting customers in business_central.tenant[\"prod\"] and exact_online.tenant[\"nl\"]; it syncs to whichever runs last",
            ])
    }

    @Test func removingATaxLinkClearsItOnTheTaxRecord() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        let config = PlannerFixtures.config.replacingOccurrences(
            of: "          - { halo: BTW hoog, exact: \"2\" }\n", with: ""
        )
        .replacingOccurrences(of: "tax_rates:\n        mappings:\n", with: "tax_rates:\n        mappings: []\n")
        let plan = try #require(PlannerFixtures.plan(config, against: simulator.state).plan)
        #expect(plan.changes.map(\.address) == ["exact_online.tenant[\"nl\"].tax_rate[\"BTW hoog\"]"])
        #expect(plan.operations.first?.body == ["id": 1, "exact_division": nil, "exacttaxcode": nil])
    }

    @Test func textRendering() throws {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        let edited = PlannerFixtures.config.replacingOccurrences(
            of: "show_success_message: true", with: "show_success_message: false"
        )
        .replacingOccurrences(of: "company: CRONUS NL", with: "company: CRONUS UK")
        let plan = try #require(PlannerFixtures.plan(edited, against: simulator.state).plan)
        #expect(
            PlanTextRenderer(color: false).render(plan) == """
                haloform will perform these actions:

                  # exact_online.tenant["nl"] will be updated in place
                  ~ exact_online.tenant["nl"]
                      ~ sync.show_success_message = true -> false

                  # business_central.tenant["prod"] must be replaced
                  -/+ business_central.tenant["prod"]
                      ~ company       = "CRONUS NL" -> "CRONUS UK" # forces replacement
                      + client_secret = (sensitive)

                  # business_central.tenant["prod"].customer_mapping["10000"] will be created
                  + business_central.tenant["prod"].customer_mapping["10000"]
                      + halo = "Initech"

                  # business_central.defaults will be updated in place
                  ~ business_central.defaults
                      ~ default_tenant = "prod" (CRONUS NL) -> "prod" (CRONUS UK)

                Warnings:
                  ! business_central.tenant["prod"]: mapping "Initech" to Business Central customers stores each one's Business Central address, country code and phone number against its main site on the next import; give a customer a new main site first if its address must stay
                  ! exact_online.tenant["nl"]: importing tax rates from Exact Online (with Import Tax Rates) removes the Halo tax rates no Exact Online company links: 'Standard', 'Exempt'
                  ! sage_business_cloud.tenant["uk"]: importing tax rates from Sage Business Cloud (with Import Tax Rates) removes the Halo tax rates no Sage Business Cloud company links: 'BTW hoog', 'Exempt'

                Then, in Halo (apply cannot do these):
                  business_central.tenant["prod"]:
                    1. Configuration > Integrations > Dynamics Business Central > Manage Companies > 'prod': press the 'Authorize Application' button to complete the Microsoft sign in
                       why: apply creates the tenant's record, but only a person can connect it; nothing syncs or imports until then
                    2. Configuration > Integrations > Dynamics Business Central > Manage Companies > 'prod': click the 'Import Customers' button and import them in the importer screen
                       why: "Even if you are manually mapping customers, you must still perform an import, otherwise certain values will not be assigned to the customer record in Halo"

                Plan: 1 to add, 2 to change, 1 to replace, 0 to destroy.

                """)
    }
}
