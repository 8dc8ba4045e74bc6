import Foundation
import HaloformCore
import Testing

/// One test per rule of DESIGN.md's "Rules the seeds' guides state", each failing and passing.
@Suite struct ConfigValidatorTests {
    static let bcTenant = """
        halo: { url: "sandbox:s.json" }
        business_central:
          tenants:
            - name: prod
              azure_tenant_id: t
              client_id: c
              client_secret: ${env:S}
              environment: Production
              company: CRONUS NL

        """

    static let sageTenant = """
        halo: { url: "sandbox:s.json" }
        sage_business_cloud:
          tenants:
            - name: uk
              business: Acme Ltd

        """

    @Test func customerMappedTwiceAcrossTenants() {
        let text =
            exactTenant + """
                      customers: { mappings: [ { halo: Acme BV, exact: "1" } ] }
                    - { name: be, location: be, division: 2, client_id: x, client_secret: "${env:S}",
                        customers: { mappings: [ { halo: Acme BV, exact: "1" } ] } }

                """
        #expect(
            render(text) == """
                c.yaml:11:42: error: Halo customer 'Acme BV' is mapped twice in exact_online
                        customers: { mappings: [ { halo: Acme BV, exact: "1" } ] } }
                                                         ^~~~~~~
                c.yaml:9:40: note: first mapped here (in tenant 'nl')
                      customers: { mappings: [ { halo: Acme BV, exact: "1" } ] }
                                                       ^~~~~~~
                note: a Halo customer mapped twice is overwritten by whichever mapping syncs last

                """)
        #expect(
            render(
                text.replacingOccurrences(
                    of: "halo: Acme BV, exact: \"1\" } ] } }", with: "halo: Beta, exact: \"1\" } ] } }")) == "")
    }

    @Test func accountingCodeMappedToTwoHaloRecords() {
        let text =
            exactTenant + """
                      products:
                        group_mappings:
                          - { exact: "100", halo: Hardware }
                          - { exact: "100", halo: Software }

                """
        #expect(
            render(text) == """
                c.yaml:12:22: error: Exact Online item group '100' is mapped to two Halo records in tenant 'nl'
                          - { exact: "100", halo: Software }
                                     ^~~~~
                c.yaml:11:22: note: first mapped here, to 'Hardware'
                          - { exact: "100", halo: Hardware }
                                     ^~~~~

                """)
        #expect(
            render(
                text.replacingOccurrences(
                    of: "{ exact: \"100\", halo: Software }", with: "{ exact: \"200\", halo: Software }")) == "")
    }

    @Test func productGroupSharedAcrossTenantsIsFineAndWithinATenantAWarning() {
        let across =
            exactTenant + """
                      products: { group_mappings: [ { exact: "100", halo: Hardware } ] }
                    - { name: be, location: be, division: 2, client_id: x, client_secret: "${env:S}",
                        products: { group_mappings: [ { exact: "100", halo: Hardware } ] } }

                """
        #expect(render(across) == "", "two divisions importing into Hardware is normal")
        let within =
            exactTenant + """
                      products:
                        group_mappings:
                          - { exact: "100", halo: Hardware }
                          - { exact: "110", halo: Hardware }

                """
        #expect(
            render(within) == """
                c.yaml:12:35: warning: Halo product group 'Hardware' takes two Exact Online item groups in tenant 'nl', '100' and '110'
                          - { exact: "110", halo: Hardware }
                                                  ^~~~~~~~
                c.yaml:11:35: note: first mapped here
                          - { exact: "100", halo: Hardware }
                                                  ^~~~~~~~
                note: items of both import into it, but a product created in Halo in that group has no one item group to sync to Exact Online with, and a later import can move items between the two

                """)
        let loaded = load(within)
        #expect(loaded.isValid, "a warning at most")
    }

    @Test func billingSettingsAndTheLegacyToggle() {
        let text = """
            halo: { url: "sandbox:s.json" }
            billing:
              auto_generate_accounts_id: { customers: true, products: "yes" }
            business_central:
              legacy_integration: true
              tenants: [ { name: prod, azure_tenant_id: t, client_id: c, client_secret: "${env:S}", environment: Production, company: CRONUS NL } ]

            """
        #expect(
            render(text) == """
                c.yaml:3:59: error: expected a boolean (true or false) for 'products', found a string
                  auto_generate_accounts_id: { customers: true, products: "yes" }
                                                                          ^~~~~
                note: remove the quotes: a quoted value is always a string
                c.yaml:5:23: warning: business_central turns on the legacy integration, whose setup haloform does not manage; its 1 tenant belong to the current one
                  legacy_integration: true
                                      ^~~~
                note: the Business Central guide: "The legacy version of this integration can be enabled in Configuration > Integrations > Dynamics Business Central."

                """)
        let loaded = load(text.replacingOccurrences(of: "\"yes\"", with: "false"))
        #expect(loaded.config.billing?.autoGenerateCustomerAccountsID?.value == true)
        #expect(loaded.config.billing?.autoGenerateProductAccountsID?.value == false)
        #expect(loaded.config.integrations[.businessCentral]?.legacyIntegration?.value == true)
        #expect(
            render("billing: { auto_generate_accounts_id: { customers: true } }\n").contains("no file declares 'halo'"))
    }

    @Test func taxRateLinkedTwice() {
        let text =
            exactTenant + """
                      tax_rates:
                        mappings:
                          - { halo: BTW hoog, exact: "2" }
                          - { halo_id: 3, exact: "1" }
                          - { halo_id: 3, exact: "0" }

                """
        #expect(
            render(text) == """
                c.yaml:13:24: error: Halo tax rate halo_id 3 is mapped twice in exact_online
                          - { halo_id: 3, exact: "0" }
                                       ^
                c.yaml:12:24: note: first mapped here
                          - { halo_id: 3, exact: "1" }
                                       ^
                note: a Halo tax rate holds one Exact Online tax code

                """)
    }

    @Test func defaultTenantMustBeDeclared() {
        #expect(render(exactTenant + "  default_tenant: nl\n") == "")
        #expect(
            render(exactTenant + "  default_tenant: NL1\n") == """
                c.yaml:9:19: error: default_tenant 'NL1' is not a tenant of exact_online (did you mean 'nl'?)
                  default_tenant: NL1
                                  ^~~
                note: the tenants are: nl

                """)
    }

    @Test func twoTenantsOfOneDivision() {
        let text =
            exactTenant + "    - { name: nl2, location: nl, division: 1, client_id: x, client_secret: \"${env:S}\" }\n"
        #expect(
            render(text) == """
                c.yaml:9:7: error: tenants 'nl' and 'nl2' connect the same division; Halo keeps one connection per company
                    - { name: nl2, location: nl, division: 1, client_id: x, client_secret: "${env:S}" }
                      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                c.yaml:4:7: note: 'nl' is declared here
                    - name: nl
                      ^~~~~~~~

                """)
    }

    @Test func syncEntitiesAreCustomersProductsInvoices() {
        #expect(render(exactTenant + "      sync: { entities: [customers, invoices] }\n") == "")
        #expect(
            render(exactTenant + "      sync: { entities: [customers, suppliers] }\n") == """
                c.yaml:9:37: error: 'suppliers' is not a valid entities
                      sync: { entities: [customers, suppliers] }
                                                    ^~~~~~~~~
                note: expected one of: customers, products, invoices

                """)
    }

    @Test func businessCentralTakesNoTaxRates() {
        #expect(render(Self.bcTenant) == "")
        #expect(
            render(Self.bcTenant + "      tax_rates: { mappings: [] }\n") == """
                c.yaml:10:7: error: 'tax_rates' is not allowed here: Business Central takes no tax rates: its tax engine computes tax on every invoice line
                      tax_rates: { mappings: [] }
                      ^~~~~~~~~

                """)
    }

    @Test func incrementsArePositiveAndGroupExceedsLine() {
        let good = Self.bcTenant + "      sync: { line_numbers: { group_increment: 1000, line_increment: 1 } }\n"
        #expect(render(good) == "")
        #expect(
            render(Self.bcTenant + "      sync: { line_numbers: { group_increment: 0, line_increment: 1 } }\n") == """
                c.yaml:10:48: error: 'group_increment' must be at least 1, found 0
                      sync: { line_numbers: { group_increment: 0, line_increment: 1 } }
                                                               ^

                """)
        #expect(
            render(Self.bcTenant + "      sync: { line_numbers: { group_increment: 10, line_increment: 10 } }\n") == """
                c.yaml:10:48: warning: group_increment 10 does not exceed line_increment 10, so line numbers of different item types can collide
                      sync: { line_numbers: { group_increment: 10, line_increment: 10 } }
                                                               ^~
                c.yaml:10:68: note: line_increment is set here
                      sync: { line_numbers: { group_increment: 10, line_increment: 10 } }
                                                                                   ^~
                note: Halo's defaults are 1000 and 1

                """)
    }

    @Test func warningsDoNotFailAValidConfig() {
        let loaded = load(Self.bcTenant + "      sync: { line_numbers: { group_increment: 1, line_increment: 1 } }\n")
        #expect(loaded.isValid)
        #expect(loaded.diagnostics.count == 1)
    }

    @Test func sageCustomAppCannotSync() {
        let app = "      authentication: custom_app\n      client_id: c\n      client_secret: ${env:S}\n"
        #expect(render(Self.sageTenant + app) == "")
        #expect(
            render(Self.sageTenant + app + "      sync: { entities: [invoices] }\n") == """
                c.yaml:9:25: error: tenant 'uk' uses custom_app, which cannot sync: Sage sends no webhooks to a custom developer app
                      sync: { entities: [invoices] }
                                        ^~~~~~~~~~
                c.yaml:6:23: note: use authentication: halo_app to sync, or leave entities empty
                      authentication: custom_app
                                      ^~~~~~~~~~

                """)
    }

    @Test func sageCustomAppNeedsItsCredentials() {
        #expect(
            render(Self.sageTenant + "      authentication: custom_app\n") == """
                c.yaml:6:23: error: tenant 'uk' uses custom_app but gives no 'client_id'
                      authentication: custom_app
                                      ^~~~~~~~~~
                c.yaml:6:23: error: tenant 'uk' uses custom_app but gives no 'client_secret'
                      authentication: custom_app
                                      ^~~~~~~~~~

                """)
    }

    @Test func disabledIntegrationWithTenantsWarns() {
        #expect(
            render(exactTenant + "  enabled: false\n") == """
                c.yaml:9:12: warning: exact_online is disabled, so its 1 tenant will not sync
                  enabled: false
                           ^~~~~

                """)
    }

    @Test func haloURLMustBeHTTPSOrLoopback() {
        let creds = "  client_id: c\n  client_secret: ${env:S}\n"
        #expect(render("halo:\n  url: https://acme.halopsa.com\n" + creds) == "")
        #expect(render("halo:\n  url: http://127.0.0.1:8080\n" + creds) == "")
        #expect(
            render("halo:\n  url: http://acme.halopsa.com\n" + creds) == """
                c.yaml:2:8: error: 'http://acme.halopsa.com' is not an https URL
                  url: http://acme.halopsa.com
                       ^~~~~~~~~~~~~~~~~~~~~~~
                note: Halo is reached over https; plain http is allowed only to this machine (127.0.0.1, localhost), and sandbox:PATH runs the built-in emulator

                """)
    }

    @Test func integrationsNeedAHaloBlock() {
        #expect(
            render("exact_online: { enabled: true }\n") == """
                error: no file declares 'halo', so haloform does not know which Halo to manage
                note: add halo: { url: https://acme.halopsa.com, … }, or url: sandbox:.haloform/sandbox.json to try the built-in sandbox

                """)
    }
}
