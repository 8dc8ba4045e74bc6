@testable import HaloformCore
import Testing
import YAMLSyntax

@Suite("Closed sets of the config language")
struct ConfigEnumsTests {
    static let sage = """
        halo: { url: "sandbox:s.json" }
        sage_business_cloud:
          tenants:
            - name: uk
              business: Acme Ltd
              client_id: c
              client_secret: ${env:S}

        """

    @Test("the schema offers exactly each enum's cases, in order")
    func schemaEnumsComeFromTheCases() {
        #expect(ConfigSchema.sageAuthentications == ["halo_app", "custom_app"])
        #expect(ConfigSchema.syncEntities == ["customers", "products", "invoices"])
        #expect(ConfigSchema.exactLocations == ["nl", "be", "de", "uk", "us", "fr", "es"])
        #expect(ConfigSchema.exactInvoiceStatuses == ["open", "processed"])
    }

    @Test("authentication decodes to its case, with its location; another value is the shape error and no value")
    func authenticationDecodes() throws {
        let custom = load(Self.sage + "      authentication: custom_app\n")
        let tenant = try #require(custom.config.integrations[.sageBusinessCloud]?.tenants.first)
        #expect(tenant.authentication?.value == .customApp)
        #expect(tenant.authentication?.range.start.line == 8)
        #expect(
            load(Self.sage + "      authentication: halo_app\n").config.integrations[.sageBusinessCloud]?.tenants.first?
                .authentication?.value == .haloApp)

        let wrong = load(Self.sage + "      authentication: own_app\n")
        #expect(wrong.config.integrations[.sageBusinessCloud]?.tenants.first?.authentication == nil)
        #expect(
            render(Self.sage + "      authentication: own_app\n").contains("'own_app' is not a valid authentication"))
    }

    @Test("Halo's authentication flag and the config's words name the same thing")
    func halosFlag() {
        #expect(SageAuthentication(usesHalosApp: true) == .haloApp)
        #expect(SageAuthentication(usesHalosApp: false) == .customApp)
        #expect(SageAuthentication.allCases.allSatisfy { SageAuthentication(usesHalosApp: $0.usesHalosApp) == $0 })
    }
}
