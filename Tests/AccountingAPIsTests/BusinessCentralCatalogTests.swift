import AccountingAPIs
import HaloformCore
import Sandbox
import ServiceTransport
import Testing

@Suite("Business Central catalog against the sandbox")
struct BusinessCentralCatalogTests {
    @Test("the company is found by name and every list is walked through @odata.nextLink")
    func catalogRead() async throws {
        try await AccountingFixture.run { fixture in
            let client = try CatalogClients.make(
                fixture.businessCentralRequest(), context: fixture.context(pageSize: 50))
            let catalog = try await client.catalog()
            #expect(Set(catalog.companies.map(\.code)) == ["CRONUS NL", "CRONUS UK"])
            #expect(catalog.customers.count == 200)
            #expect(catalog.customers.contains { $0.code == "10000" })
            #expect(catalog.productGroups.contains { $0.code == "CHAIR" })
            #expect(catalog.items.contains { $0.code == "SERVICE" })
            #expect(catalog.accounts.contains { $0.code == "8000" })
            #expect(catalog.taxCodes.isEmpty)
            let customerPages = try await fixture.requestCount(
                "business-central", matching: "GET /business-central/v2.0/")
            #expect(customerPages >= 4 + 1)
        }
    }

    @Test("an unknown company is an error naming the ones there are")
    func unknownCompany() async throws {
        try await AccountingFixture.run { fixture in
            let client = try CatalogClients.make(
                fixture.businessCentralRequest(company: "CRONUS XX"), context: fixture.context())
            let error = await #expect(throws: ServiceError.self) { try await client.catalog() }
            #expect(error?.kind == .configuration)
            #expect(error?.message.contains("'CRONUS NL'") == true)
        }
    }

    @Test("an expired token is renewed after the 401")
    func expiredToken() async throws {
        try await AccountingFixture.run { fixture in
            let client = try CatalogClients.make(fixture.businessCentralRequest(), context: fixture.context())
            _ = try await client.catalog()
            try await fixture.admin("POST", "tokens/expire?system=business-central")
            _ = try await client.catalog()
            #expect(try await fixture.requestCount("business-central", matching: "POST") == 2)
        }
    }
}
