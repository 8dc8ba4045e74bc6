import Foundation
import HaloformCore
import Testing
import YAMLSyntax

@Suite struct ConfigDecoderTests {
    @Test func validConfigHasNoDiagnostics() {
        #expect(render(exactTenant) == "")
    }

    @Test func unknownKeySuggestsTheNearOne() {
        let text = exactTenant.replacingOccurrences(of: "division: 1", with: "divison: 1")
        #expect(
            render(text) == """
                c.yaml:6:7: error: unknown key 'divison' (did you mean 'division'?)
                      divison: 1
                      ^~~~~~~
                note: 'tenants' takes: name, location, division, client_id, client_secret, catalog, tax_rates, customers, products, sync

                """)
    }

    @Test func unknownKeyFarFromAnyGivesTheList() {
        #expect(
            render("halo: { url: x, colour: red }\n") == """
                c.yaml:1:7: error: missing required key 'client_id' in 'halo'
                halo: { url: x, colour: red }
                      ^~~~~~~~~~~~~~~~~~~~~~~
                note: only a sandbox: URL can do without API credentials
                c.yaml:1:7: error: missing required key 'client_secret' in 'halo'
                halo: { url: x, colour: red }
                      ^~~~~~~~~~~~~~~~~~~~~~~
                note: only a sandbox: URL can do without API credentials
                c.yaml:1:14: error: 'x' is not an https URL
                halo: { url: x, colour: red }
                             ^
                note: Halo is reached over https; plain http is allowed only to this machine (127.0.0.1, localhost), and sandbox:PATH runs the built-in emulator
                c.yaml:1:17: error: unknown key 'colour'
                halo: { url: x, colour: red }
                                ^~~~~~
                note: 'halo' takes: url, client_id, client_secret, tenant

                """)
    }

    @Test func wrongTypeSaysWhatWasExpectedAndFound() {
        let text = exactTenant.replacingOccurrences(of: "division: 1", with: "division: [1]")
        #expect(
            render(text) == """
                c.yaml:6:17: error: expected an integer for 'division', found a sequence
                      division: [1]
                                ^~~

                """)
    }

    @Test func quotedBooleanIsAStringAndTheNoteSaysSo() {
        #expect(
            render(exactTenant + "  enabled: \"true\"\n") == """
                c.yaml:9:12: error: expected a boolean (true or false) for 'enabled', found a string
                  enabled: "true"
                           ^~~~~~
                note: remove the quotes: a quoted value is always a string

                """)
    }

    @Test func enumListsItsValues() {
        let text = exactTenant.replacingOccurrences(of: "location: nl", with: "location: mars")
        #expect(
            render(text) == """
                c.yaml:5:17: error: 'mars' is not a valid location
                      location: mars
                                ^~~~
                note: expected one of: nl, be, de, uk, us, fr, es

                """)
    }

    @Test func integerBelowMinimum() {
        let text = exactTenant.replacingOccurrences(of: "division: 1", with: "division: 0")
        #expect(
            render(text) == """
                c.yaml:6:17: error: 'division' must be at least 1, found 0
                      division: 0
                                ^

                """)
    }

    @Test func literalSecretIsAnErrorThatNeverPrintsTheSecret() {
        let text = exactTenant.replacingOccurrences(of: "${env:S}", with: "hunter2-very-secret")
        let output = render(text)
        #expect(
            output == """
                c.yaml:8:22: error: 'client_secret' is a secret and must come from the environment
                note: write ${env:NAME} and set NAME where haloform runs; a secret in a file ends up in git

                """)
        #expect(!output.contains("hunter2"))
    }

    @Test func malformedEnvironmentReference() {
        let text = exactTenant.replacingOccurrences(of: "client_id: abc", with: "client_id: ${env:A-B}")
        #expect(
            render(text) == """
                c.yaml:7:18: error: malformed environment reference '${env:A-B}'
                      client_id: ${env:A-B}
                                 ^~~~~~~~~~
                note: write the whole value as ${env:NAME}, NAME made of letters, digits and underscores

                """)
    }

    @Test func environmentReferencesAreParsed() throws {
        let config = load(exactTenant).config
        let tenant = try #require(config.integrations[.exactOnline]?.tenants.first)
        #expect(tenant.clientSecret?.value == .environment("S"))
        #expect(tenant.clientID?.value == .literal("abc"))
    }

    @Test func missingRequiredKey() {
        let text = exactTenant.replacingOccurrences(of: "      location: nl\n", with: "")
        #expect(
            render(text) == """
                c.yaml:4:7: error: missing required key 'location' in 'tenants'
                    - name: nl
                      ^~~~~~~~

                """)
    }

    @Test func mappingNeedsExactlyOneHaloSide() {
        let text =
            exactTenant + """
                      customers:
                        mappings:
                          - { halo: A, halo_id: 3, exact: "1" }
                          - { exact: "2" }

                """
        #expect(
            render(text) == """
                c.yaml:11:13: error: 'mappings' takes 'halo' or 'halo_id', not both
                          - { halo: A, halo_id: 3, exact: "1" }
                            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                c.yaml:12:13: error: 'mappings' needs 'halo' or 'halo_id'
                          - { exact: "2" }
                            ^~~~~~~~~~~~~~

                """)
    }

    @Test func referencesTakeANameOrAnID() throws {
        let text =
            exactTenant + """
                      customers:
                        top_level: { halo_id: 4 }
                        mappings:
                          - { halo_id: 12, exact: 1001 }
                      products:
                        default_group: Services

                """
        let loaded = load(text)
        #expect(loaded.diagnostics.isEmpty)
        let tenant = try #require(loaded.config.integrations[.exactOnline]?.tenants.first)
        #expect(tenant.customerTopLevel?.value == .id(4))
        #expect(tenant.customers?.mappings.first?.halo.value == .id(12))
        #expect(tenant.customers?.mappings.first?.code.value == "1001")
        #expect(tenant.defaultProductGroup?.value == .name("Services"))
    }

    @Test func fileMustHoldAMapping() {
        #expect(
            render("- a\n- b\n") == """
                c.yaml:1:1: error: a configuration file holds a mapping of 'halo' and the integrations, found a sequence
                - a
                ^~~

                """)
    }

    @Test func syntaxErrorsAreLocatedWithTheirContext() {
        #expect(
            render("halo: { url: [1, 2\n") == """
                c.yaml:2:1: error: did not find expected ',' or ']'

                ^
                c.yaml:1:14: note: while parsing a flow sequence
                halo: { url: [1, 2
                             ^

                """)
    }

    @Test func emptyFilesAreFine() {
        #expect(render(["a.yaml": "", "b.yaml": "# only a comment\n", "c.yaml": exactTenant]) == "")
    }
}
