import HaloformCore
import JSONText
import Testing
import YAMLSyntax

/// `ConfigWriter`: what Halo holds, written as a config that validates and plans to no changes.
struct ImportTests {
    /// Halo after the planner fixture's config was applied to it.
    static var converged: RemoteState {
        let plan = PlannerFixtures.plan().plan!
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(plan)
        return simulator.state
    }

    /// Loads imported files as a config root and plans them against `remote`.
    static func replan(_ imported: ImportedConfig, against remote: RemoteState) -> (LoadedConfig, PlanResult) {
        let files =
            [SourceFile(path: "halo.yaml", text: "halo: { url: \"sandbox:s.json\" }\n")]
            + imported.files.map { SourceFile(path: $0.name, text: $0.text) }
        let loaded = ConfigLoader.load(files)
        return (loaded, Planner(config: loaded.config, remote: remote, environment: PlannerFixtures.environment).plan())
    }

    @Test func appliedConfigImportsToNoChanges() {
        let imported = ConfigWriter(remote: Self.converged).write(halo: nil)
        #expect(
            imported.files.map(\.name) == ["exact-online.yaml", "business-central.yaml", "sage-business-cloud.yaml"])
        #expect(imported.notes == [])
        #expect(
            imported.files[0].text == """
                # yaml-language-server: $schema=haloform.schema.json
                exact_online:
                  enabled: true
                  default_tenant: nl
                  default_invoice_status: open
                  tenants:
                    - name: nl
                      location: nl
                      division: 100
                      client_id: app
                      client_secret: ${env:EXACT_NL_CLIENT_SECRET}
                      catalog:
                        client_id: ${env:HALOFORM_EXACT_CLIENT_ID}
                        client_secret: ${env:HALOFORM_EXACT_CLIENT_SECRET}
                      tax_rates:
                        mappings:
                          - { halo: BTW hoog, exact: "2" }
                      customers:
                        top_level: Customers NL
                        mappings:
                          - { halo: Acme BV, exact: "1001" }
                          - { halo: Globex BV, exact: "1002" }
                      products:
                        default_group: Services
                        group_mappings:
                          - { exact: "100", halo: Hardware }
                      sync:
                        entities: [customers, invoices]
                        show_success_message: true

                """)
        #expect(
            imported.files[1].text == """
                # yaml-language-server: $schema=haloform.schema.json
                business_central:
                  enabled: true
                  default_tenant: prod
                  tenants:
                    - name: prod
                      azure_tenant_id: aad
                      client_id: bcapp
                      client_secret: ${env:BC_PROD_CLIENT_SECRET}
                      environment: Production
                      company: CRONUS NL
                      catalog:
                        client_id: ${env:HALOFORM_BC_CLIENT_ID}
                        client_secret: ${env:HALOFORM_BC_CLIENT_SECRET}
                      accounts:
                        default_sales: "8000"
                      customers:
                        mappings:
                          - { halo: Initech, business_central: "10000" }
                      sync:
                        entities: [invoices]
                        line_numbers: { group_increment: 1000, line_increment: 1 }

                """)
        #expect(
            imported.files[2].text == """
                # yaml-language-server: $schema=haloform.schema.json
                sage_business_cloud:
                  enabled: false
                  default_tenant: uk
                  tenants:
                    - name: uk
                      business: Acme Ltd
                      catalog:
                        client_id: ${env:HALOFORM_SAGE_CLIENT_ID}
                        client_secret: ${env:HALOFORM_SAGE_CLIENT_SECRET}
                      tax_rates:
                        mappings:
                          - { halo: Standard, sage: "GB_STANDARD" }

                """)
        let (loaded, result) = Self.replan(imported, against: Self.converged)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        #expect(result.plan?.changes == [], "\(result.diagnostics)")
    }

    @Test func sharedNamesAreWrittenByIDWithAComment() {
        var remote = Self.converged
        var exact = remote[.exactDetails][0]
        var links = exact["client_mappings"]!.array!
        links.append([
            "table_id": 2, "halo_id": 5, "halo_desc": "Twin", "third_party_id": "g-1003", "third_party_desc": "1003",
        ])
        exact["client_mappings"] = .array(links)
        remote[.exactDetails] = [exact]
        let imported = ConfigWriter(remote: remote).write(halo: nil)
        #expect(
            imported.files[0].text.contains(
                """
                          - { halo: Globex BV, exact: "1002" }
                          - { halo_id: 5, exact: "1003" }  # 'Twin' names 2 Halo customers (ids 4, 5)

                """))
        let (loaded, result) = Self.replan(imported, against: remote)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        #expect(result.plan?.changes == [], "\(result.diagnostics)")
    }

    @Test func whatCannotRoundTripIsNoted() {
        var remote = Self.converged
        var exact = remote[.exactDetails][0]
        exact["client_mappings"] = [["halo_id": 1, "third_party_id": "g-gone", "third_party_desc": "9999"]]
        exact["clienttoplevel"] = 77
        exact["syncentities"] = "customers,suppliers"
        remote[.exactDetails] = [exact, ["id": 9, "name": "nl"]]
        remote.control["exact_default_invoice_status"] = 30
        remote[.tax].append([
            "id": 9, "name": "Elsewhere", "exact_division": 555, "exacttaxcode": ["value": "1", "label": "BTW laag"],
        ])
        let imported = ConfigWriter(remote: remote).write(halo: nil)
        #expect(
            imported.notes == [
                "Halo holds two Exact Online tenants named 'nl' (ids 1 and 9); imported the first, and plan will delete the second",
                "Halo's default Exact Online invoice status is code 30, which the config cannot express; left out",
                "exact_online.tenant[\"nl\"] refers to top level 77, which Halo does not hold; plan will refuse it",
                "exact_online.tenant[\"nl\"] maps Halo customer 'Acme BV' to Exact Online customer id 'g-gone', which is not in its catalog; written as a comment, and plan will delete the mapping",
                "exact_online.tenant[\"nl\"] syncs 'suppliers', which the config cannot express; plan will stop it",
                "Halo tax rate 'Elsewhere' links Exact Online code '1' of division 555, which no tenant holds; left out",
            ])
        #expect(
            imported.files[0].text.contains(
                """
                      customers:
                        top_level: { halo_id: 77 }  # Halo holds no top level 77
                        mappings:
                          # - { halo_id: 1, exact: ? }  # Exact Online has no customer with id g-gone

                """))
    }

    @Test func haloBlockKeepsSecretsAsVariables() {
        let halo = ImportedHaloSettings(
            url: "https://acme.halopsa.com", clientID: .literal("abc"), clientSecret: .environment("HALO_SECRET"),
            tenant: "acme")
        let imported = ConfigWriter(remote: RemoteState()).write(halo: halo)
        #expect(
            imported.files == [
                ImportedFile(
                    name: "halo.yaml",
                    text: """
                        # yaml-language-server: $schema=haloform.schema.json
                        halo:
                          url: https://acme.halopsa.com
                          client_id: abc
                          client_secret: ${env:HALO_SECRET}
                          tenant: acme

                        """)
            ])
    }

    @Test func secretNamesComeFromTenantNames() {
        #expect(SecretNames.tenant(.exactOnline, "exact-nl", "CLIENT_SECRET") == "EXACT_NL_CLIENT_SECRET")
        #expect(SecretNames.tenant(.exactOnline, "NL", "CLIENT_SECRET") == "EXACT_NL_CLIENT_SECRET")
        #expect(SecretNames.tenant(.businessCentral, "bc prod (EU)", "CLIENT_SECRET") == "BC_PROD_EU_CLIENT_SECRET")
        #expect(SecretNames.tenant(.sageBusinessCloud, "Sage UK", "CLIENT_ID") == "SAGE_UK_CLIENT_ID")
        #expect(SecretNames.tenant(.exactOnline, "2nd", "CLIENT_SECRET") == "EXACT_2ND_CLIENT_SECRET")
        #expect(SecretNames.tenant(.exactOnline, "Ünïcode", "CLIENT_SECRET") == "EXACT_N_CODE_CLIENT_SECRET")
        #expect(SecretNames.catalogClientSecret(.businessCentral) == "HALOFORM_BC_CLIENT_SECRET")
    }

    @Test func catalogRequestsComeFromWhatHaloHolds() {
        let remote = RemoteState(records: [
            .exactDetails: [
                ["id": 1, "name": "nl", "locale": "nl", "division": 100], ["id": 2, "name": "nl", "division": 200],
            ],
            .businessCentralDetails: [
                [
                    "id": 1, "name": "prod", "tenant_id": "aad", "environment_name": "Production",
                    "company_name": "CRONUS NL",
                ]
            ],
            .sageBusinessCloudDetails: [["id": 4, "name": "uk"]],
        ])
        let environment = ConfigEnvironment(
            variables: ["HALOFORM_BC_CLIENT_ID": "reader", "HALOFORM_BC_CLIENT_SECRET": "x"], isSandbox: false)
        let requests = RemoteStateRequest.importCatalogs(for: remote, environment: environment)
        var exact = CatalogRequest(key: CatalogKey(.exactOnline, "nl"))
        exact.exactLocation = "nl"
        exact.exactDivision = 100
        var bc = CatalogRequest(key: CatalogKey(.businessCentral, "prod"))
        bc.clientID = "reader"
        bc.clientSecret = "x"
        bc.azureTenantID = "aad"
        bc.environment = "Production"
        bc.company = "CRONUS NL"
        // Halo keeps no Sage business: the login's lead business is read.
        let sage = CatalogRequest(key: CatalogKey(.sageBusinessCloud, "uk"))
        #expect(requests == [exact, bc, sage])
    }

    /// Strings that YAML would read as something else, or that would break the line, and ordinary ones.
    @Test(arguments: [
        "Acme BV", "BTW hoog 21%", "1001", "0012", "1e3", "0x1F", "2024-01-02", ".5", "+1", "-1", "true", "No", "off",
        "y",
        "null", "~", "", " padded", "trailing ", "a: b", "a #b", "a:b", "#hash", "- dash", "[x]", "{x}", "a, b", "a]b",
        "*star", "&anchor", "!tag", "|pipe", ">fold", "'q'", "\"dq\"", "%pct", "@at", "`bt", "line\nbreak", "tab\there",
        "back\\slash", "${env:X}", "Ünïcode ✓", "Café: Ltd", "end:", "?what",
    ])
    func scalarsReadBackAsTheSameString(_ text: String) throws {
        for (line, inFlow) in [
            ("k: \(YAMLScalarText.string(text))", false), ("k: [\(YAMLScalarText.string(text, inFlow: true))]", true),
        ] {
            let node = try #require(try YAMLReader.read(Array((line + "\n").utf8), file: "t.yaml"))
            let value = node.mapping?.first?.value
            let item = inFlow ? value?.sequence?.first : value
            let scalar = try #require(item?.scalar, "\(line)")
            #expect(scalar.value == text, "\(line)")
            #expect(scalar.kindDescription == "a string", "\(line)")
        }
    }
}
