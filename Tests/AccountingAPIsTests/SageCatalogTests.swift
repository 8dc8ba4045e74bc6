import AccountingAPIs
import Foundation
import HaloformCore
import JSONText
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

    @Test("pages after the first are asked for by number, at once, and kept in page order")
    func numberedPagesInOrder() async throws {
        try await AccountingFixture.run { fixture in
            let whole = try await CatalogClients.make(fixture.sageRequest(), context: fixture.context(pageSize: 200))
                .catalog().customers
            try await fixture.admin("POST", "stats/reset")
            let paged = try await CatalogClients.make(fixture.sageRequest(), context: fixture.context(pageSize: 30))
                .catalog().customers
            #expect(paged.map(\.id) == whole.map(\.id))
            #expect(paged.count == 200)
            let paths =
                try await fixture.admin("GET", "stats").object?["systems"]?.object?["sage"]?.object?["paths"]?
                .object ?? [:]
            // 200 customers at 30 a page: page 1 by its plain URL, then pages 2 to 7 by number, none twice.
            #expect(paths.keys.filter { $0.hasPrefix("GET /sage/v3.1/contacts") }.count == 1)
            #expect(paths["GET /sage/v3.1/contacts"]?.int == 7)
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
            let client = try CatalogClients.make(
                fixture.sageRequest(business: "Nobody Ltd"), context: fixture.context())
            let error = await #expect(throws: ServiceError.self) { try await client.catalog() }
            #expect(error?.kind == .configuration)
            #expect(error?.message.contains("'Acme Ltd'") == true)
        }
    }
}
