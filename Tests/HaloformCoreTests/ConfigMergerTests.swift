import HaloformCore
import Testing

@Suite struct ConfigMergerTests {
    @Test func tenantsSpreadOverFilesAddUp() throws {
        let loaded = ConfigLoader.load([
            SourceFile(path: "a.yaml", text: exactTenant + "  default_tenant: be\n"),
            SourceFile(
                path: "b.yaml",
                text: """
                    exact_online:
                      tenants:
                        - { name: be, location: be, division: 2, client_id: x, client_secret: "${env:S}" }

                    """),
        ])
        #expect(loaded.diagnostics.isEmpty)
        let names = try #require(loaded.config.integrations[.exactOnline]).tenants.map(\.name.value)
        #expect(names == ["nl", "be"])
    }

    @Test func anIntegrationSettingSetInTwoFilesPointsAtBoth() {
        #expect(
            render([
                "a.yaml": exactTenant + "  enabled: true\n",
                "b.yaml": "exact_online:\n  enabled: false\n",
            ]) == """
                b.yaml:2:12: error: 'enabled' of exact_online is set in two places; set it in one file only
                  enabled: false
                           ^~~~~
                a.yaml:9:12: note: first set here
                  enabled: true
                           ^~~~

                """)
    }

    @Test func haloInTwoFiles() {
        #expect(
            render([
                "a.yaml": "halo: { url: \"sandbox:x\" }\n",
                "b.yaml": "halo: { url: \"sandbox:y\" }\n",
            ]) == """
                b.yaml:1:7: error: 'halo' is set in two places; set it in one file only
                halo: { url: "sandbox:y" }
                      ^~~~~~~~~~~~~~~~~~~~
                a.yaml:1:7: note: first set here
                halo: { url: "sandbox:x" }
                      ^~~~~~~~~~~~~~~~~~~~

                """)
    }

    @Test func aTenantDeclaredInTwoFiles() {
        #expect(
            render([
                "a.yaml": exactTenant,
                "b.yaml":
                    "exact_online:\n  tenants:\n    - { name: nl, location: nl, division: 2, client_id: x, client_secret: \"${env:S}\" }\n",
            ]) == """
                b.yaml:3:15: error: tenant 'nl' is declared twice in exact_online
                    - { name: nl, location: nl, division: 2, client_id: x, client_secret: "${env:S}" }
                              ^~
                a.yaml:4:13: note: first declared here
                    - name: nl
                            ^~

                """)
    }
}
