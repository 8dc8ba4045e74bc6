import AccountingAPIs
import Foundation
import HaloformCore
import Sandbox
import ServiceTransport
import Testing

@Suite("Sage catalog against the sandbox")
struct SageCatalogTests {
    @Test("the business is chosen by name (X-Business) and every list is walked through $next")
    func catalogRead() async throws {
        try await AccountingFixture.run { fixture in
            let client = try CatalogClients.make(fixture.sageRequest(), context: fixture.context(pageSize: 50))
            let catalog = try await client.catalog()
            #expect(Set(catalog.companies.map(\.code)) == ["Acme Ltd", "Acme Services Ltd"])
            #expect(catalog.customers.count == 200)
            #expect(catalog.customers.contains { $0.code == "ACME001" })
            #expect(Set(catalog.productGroups.map(\.code)).isSuperset(of: ["STOCK_ITEM", "SERVICE"]))
            #expect(catalog.taxCodes.contains { $0.code == "GB_STANDARD" })
            #expect(catalog.accounts.contains { $0.code == "4000" })
            #expect(catalog.items.count == 36)
            #expect(catalog.items.contains { $0.code == "SERVICE" })
            // 200 customers at 50 a page.
            #expect(try await fixture.requestCount("sage", matching: "GET /sage/v3.1/contacts") == 4)

            let other = try CatalogClients.make(
                fixture.sageRequest(business: "Acme Services Ltd"), context: fixture.context(pageSize: 50))
            #expect(try await other.catalog().customers.count == 60)
        }
    }

    @Test("the refresh token rotates on every use and the new one is persisted")
    func refreshTokenRotates() async throws {
        try await AccountingFixture.run { fixture in
            let context = fixture.context()
            let key = AppLogin(try AuthorizationCodeFlow(fixture.sageRequest())).storeKey
            _ = try await CatalogClients.make(fixture.sageRequest(), context: context).catalog()
            let first = try #require(try context.tokenStore.entry(for: key))
            // Expired by the sandbox rather than by a one-second lifetime, which a loaded machine can outrun mid-fetch.
            try await fixture.admin("POST", "tokens/expire?system=sage")
            _ = try await CatalogClients.make(fixture.sageRequest(), context: context).catalog()
            let second = try #require(try context.tokenStore.entry(for: key))
            #expect(second.refreshToken != first.refreshToken)
        }
    }

    @Test("an unknown business is an error naming the ones the login reaches")
    func unknownBusiness() async throws {
        try await AccountingFixture.run { fixture in
            let client = try CatalogClients.make(fixture.sageRequest(business: "Nobody Ltd"), context: fixture.context())
            let error = await #expect(throws: ServiceError.self) { try await client.catalog() }
            #expect(error?.kind == .configuration)
            #expect(error?.message.contains("'Acme Ltd'") == true)
        }
    }
}
