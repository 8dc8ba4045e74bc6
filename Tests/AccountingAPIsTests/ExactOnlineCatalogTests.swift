import AccountingAPIs
import Foundation
import HaloformCore
import Sandbox
import ServiceTransport
import Testing

@Suite("Exact Online catalog against the sandbox")
struct ExactOnlineCatalogTests {
    @Test("the catalog is read whole: __next paging to the end, codes trimmed of Exact's padding")
    func catalogRead() async throws {
        try await AccountingFixture.run { fixture in
            let client = try CatalogClients.make(fixture.exactRequest(), context: fixture.context())
            let catalog = try await client.catalog()
            #expect(catalog.companies.map(\.code).sorted() == ["123456", "234567"])
            #expect(catalog.customers.count == 261)
            #expect(catalog.customers.contains { $0.code == "1001" })
            #expect(catalog.productGroups.map(\.code).sorted() == ["100", "200", "300", "400"])
            #expect(catalog.taxCodes.map(\.code).sorted() == ["0", "1", "2"])
            #expect(catalog.accounts.count == 4)
            #expect(catalog.items.count == 100)
            // 261 accounts through the bulk endpoint, 1,000 a page; the 4 GL accounts through the standard one.
            #expect(
                try await fixture.requestCount(
                    "exact-online", matching: "GET /exact-online/api/v1/123456/bulk/CRM/Accounts") == 1)
            #expect(
                try await fixture.requestCount("exact-online", matching: "GET /exact-online/api/v1/123456/crm/Accounts")
                    == 0)
        }
    }

    @Test("the refresh token rotates and the new one is persisted; the spent one is dead")
    func refreshTokenRotates() async throws {
        try await AccountingFixture.run { fixture in
            let context = fixture.context()
            _ = try await CatalogClients.make(fixture.exactRequest(), context: context).catalog()
            let key = try fixture.exactStoreKey()
            let first = try #require(try context.tokenStore.entry(for: key))
            fixture.clock.advance(by: .seconds(601))
            // A later run: the stored access token has expired, so the stored refresh token is spent.
            _ = try await CatalogClients.make(fixture.exactRequest(), context: context).catalog()
            let second = try #require(try context.tokenStore.entry(for: key))
            #expect(second.refreshToken != first.refreshToken)
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.storePath)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            // The spent token no longer works.
            let flow = try AuthorizationCodeFlow(fixture.exactRequest())
            let http = HTTPService(HTTPServiceConfiguration(name: "Exact Online", retry: .none))
            let error = await #expect(throws: ServiceError.self) {
                try await flow.refresh(first.refreshToken, using: http)
            }
            #expect(error?.kind == .authentication)
            #expect(!String(describing: error).contains(first.refreshToken))
        }
    }

    @Test("a pipeline's seeded refresh token is used when the store has none, and its successor stored")
    func seededRefreshToken() async throws {
        try await AccountingFixture.run { fixture in
            let login = try InteractiveLogin(fixture.exactRequest(), context: fixture.context())
            let seed = try await login.run(timeout: .seconds(20)) { _ in }.refreshToken
            try FileManager.default.removeItem(atPath: fixture.storePath)
            fixture.clock.advance(by: .seconds(601))
            let context = fixture.context(
                environment: ["EXACT_REFRESH_TOKEN_EXACT_NL": seed], allowsSandboxLogin: false)
            _ = try await CatalogClients.make(fixture.exactRequest(), context: context).catalog()
            let stored = try #require(try context.tokenStore.entry(for: try fixture.exactStoreKey()))
            #expect(stored.refreshToken != seed)
            #expect(try await fixture.requestCount("exact-online", matching: "GET /exact-online/api/oauth2/auth") == 1)
        }
    }

    @Test("no stored, seeded or sandbox token: the error says to run haloform login")
    func missingToken() async throws {
        try await AccountingFixture.run { fixture in
            let client = try CatalogClients.make(
                fixture.exactRequest(), context: fixture.context(allowsSandboxLogin: false))
            let error = await #expect(throws: ServiceError.self) { try await client.catalog() }
            #expect(error?.kind == .loginRequired)
            #expect(error?.message.contains("haloform login exact-online exact-nl") == true)
        }
    }

    @Test("a 429 storm with Retry-After is ridden out")
    func throttleStorm() async throws {
        try await AccountingFixture.run { fixture in
            try await fixture.admin(
                "POST", "faults", #"{"throttle_burst": 6, "retry_after": 0, "systems": ["exact-online"]}"#)
            let client = try CatalogClients.make(fixture.exactRequest(), context: fixture.context())
            let catalog = try await client.catalog()
            #expect(catalog.customers.count == 261)
            #expect(client.service.figures.throttled == 6)
        }
    }

    @Test("when X-RateLimit-Minutely-Remaining reaches 0 the client sleeps until the reset instead of meeting a 429")
    func minutelyLimitWaits() async throws {
        try await AccountingFixture.run { fixture in
            try await fixture.admin("POST", "limits", #"{"exact_minutely": 3, "exact_daily": 5000}"#)
            var context = fixture.context()
            context.http[.exactOnline]?.maximumConcurrentRequests = 1
            let client = try CatalogClients.make(fixture.exactRequest(), context: context)
            let catalog = try await client.catalog()
            #expect(catalog.customers.count == 261)
            #expect(client.service.figures.throttled == 0)
            // The waits moved the shared clock past minute boundaries instead of passing.
            #expect(fixture.clock.slept >= .seconds(1))
        }
    }

    @Test("plain http to a host that is not loopback is refused before anything is sent")
    func insecureBaseURL() async throws {
        var request = CatalogRequest(key: CatalogKey(.exactOnline, "exact-nl"))
        request.baseURL = "http://exact.example"
        request.clientID = "id"
        request.clientSecret = "secret-value"
        let error = #expect(throws: ServiceError.self) {
            try CatalogClients.make(request, context: AccountingContext())
        }
        #expect(error?.kind == .insecureURL)
    }
}
