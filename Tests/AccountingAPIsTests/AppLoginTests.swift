import AccountingAPIs
import Foundation
import HaloformCore
import Sandbox
import ServiceTransport
import Testing

/// Exact and Sage keep one live refresh token per app: tenants sharing an app share one login and one refresh.
@Suite("Logins per app")
struct AppLoginTests {
    /// A live refresh token of the demo Exact app, from a login the sandbox approves at once.
    private func freshRefreshToken(_ fixture: AccountingFixture) async throws -> String {
        let flow = try AuthorizationCodeFlow(fixture.exactRequest())
        let http = HTTPService(HTTPServiceConfiguration(name: "Exact Online", retry: .none, clock: fixture.clock))
        let redirect = try await flow.approveWithoutBrowser(state: "s", using: http)
        let token = try await flow.exchange(code: try flow.code(fromRedirect: redirect, state: "s"), using: http).token
        return try #require(token.refreshToken)
    }

    /// Both demo Exact tenants' catalogs, read at once.
    private func readBoth(_ context: AccountingContext, _ fixture: AccountingFixture) async throws {
        let nl = try CatalogClients.make(fixture.exactRequest("exact-nl"), context: context)
        let be = try CatalogClients.make(fixture.exactRequest("exact-be", division: 234567), context: context)
        async let first = nl.catalog()
        async let second = be.catalog()
        _ = try await (first, second)
    }

    @Test("tenants of one app share a login: one token request serves both, and after expiry one refresh")
    func sharedLogin() async throws {
        try await AccountingFixture.run { fixture in
            try await readBoth(fixture.context(), fixture)
            #expect(
                try await fixture.requestCount("exact-online", matching: "POST /exact-online/api/oauth2/token") == 1)
            fixture.clock.advance(by: .seconds(601))
            // A later run: both tenants wait for one refresh of the shared token.
            try await readBoth(fixture.context(allowsSandboxLogin: false), fixture)
            #expect(
                try await fixture.requestCount("exact-online", matching: "POST /exact-online/api/oauth2/token") == 2)
            #expect(try await fixture.requestCount("exact-online", matching: "GET /exact-online/api/oauth2/auth") == 1)
            let store = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: fixture.storePath)))
            let tokens = (store as? [String: Any])?["tokens"] as? [String: Any]
            #expect(tokens?.keys.sorted() == [try fixture.exactStoreKey()])
        }
    }

    @Test("a version-1 store migrates: the newest entry of an app's tenants wins, and the old entries go")
    func migration() async throws {
        try await AccountingFixture.run { fixture in
            let live = try await freshRefreshToken(fixture)
            fixture.clock.advance(by: .seconds(601))
            let day = 86_400.0
            let version1 = """
                {"version": 1, "tokens": {
                  "exact_online/exact-nl": {"refresh_token": "dead-token", "updated_at": "\(Self.iso(fixture.clock.now.addingTimeInterval(-day)))"},
                  "exact_online/exact-be": {"refresh_token": "\(live)", "updated_at": "\(Self.iso(fixture.clock.now.addingTimeInterval(-60)))"},
                  "exact_online/gone": {"refresh_token": "other", "updated_at": "\(Self.iso(fixture.clock.now))"}
                }}
                """
            try FileManager.default.createDirectory(atPath: fixture.folder, withIntermediateDirectories: true)
            try version1.write(toFile: fixture.storePath, atomically: true, encoding: .utf8)
            try await readBoth(fixture.context(allowsSandboxLogin: false), fixture)
            let store = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: fixture.storePath)))
            let object = store as? [String: Any]
            #expect(object?["version"] as? Int == 3)
            // A tenant no longer in the config keeps its entry; the app's tenants' entries became one.
            let keys = ((object?["tokens"] as? [String: Any]) ?? [:]).keys.sorted()
            #expect(keys == [try fixture.exactStoreKey(), "exact_online/gone"])
            let entry = try #require(try TokenStore(path: fixture.storePath).entry(for: try fixture.exactStoreKey()))
            #expect(entry.refreshToken != live && entry.refreshToken != "dead-token")
        }
    }

    @Test("a refused refresh token names the tenants and the login command, never a bare HTTP 400")
    func refusedToken() async throws {
        try await AccountingFixture.run { fixture in
            try await readBoth(fixture.context(), fixture)
            // Another login of the same app ends the stored refresh token.
            _ = try await freshRefreshToken(fixture)
            fixture.clock.advance(by: .seconds(601))
            let error = await #expect(throws: ServiceError.self) {
                try await readBoth(fixture.context(allowsSandboxLogin: false), fixture)
            }
            #expect(error?.kind == .loginRequired)
            let text = String(describing: error)
            #expect(text.contains("exact-be, exact-nl: the service refuses the stored refresh token"), "\(text)")
            #expect(text.contains("run `haloform login exact-online exact-be` (one login serves both)"), "\(text)")
            #expect(!text.contains("HTTP 400"), "\(text)")
        }
    }

    @Test("a refresh whose answer was lost after the service rotated the token ends in the login error")
    func lostAnswer() async throws {
        try await AccountingFixture.run { fixture in
            _ = try await CatalogClients.make(fixture.exactRequest(), context: fixture.context()).catalog()
            fixture.clock.advance(by: .seconds(601))
            // Every answer from Exact is lost: the refresh is applied (the token rotates) but never seen, twice.
            try await fixture.admin("POST", "faults", #"{"drop_rate": 1, "systems": ["exact-online"]}"#)
            let lost = await #expect(throws: ServiceError.self) {
                try await CatalogClients.make(
                    fixture.exactRequest(), context: fixture.context(allowsSandboxLogin: false)
                ).catalog()
            }
            #expect(lost?.kind == .loginRequired)
            #expect(lost?.message.contains("were lost") == true, "\(String(describing: lost))")
            #expect(lost?.message.contains("haloform login exact-online exact-nl") == true)
            // The next, fault-free run meets the rotated-away token: the same clear error.
            try await fixture.admin("DELETE", "faults")
            let refused = await #expect(throws: ServiceError.self) {
                try await CatalogClients.make(
                    fixture.exactRequest(), context: fixture.context(allowsSandboxLogin: false)
                ).catalog()
            }
            #expect(refused?.kind == .loginRequired)
            #expect(refused?.message.contains("run `haloform login exact-online exact-nl`") == true)
            #expect(!String(describing: refused).contains("HTTP 400"))
        }
    }

    @Test("an app login is its client id at its token host; tenants of another app are not served")
    func tenantsOfALogin() throws {
        var nl = CatalogRequest(key: CatalogKey(.exactOnline, "exact-nl"))
        nl.clientID = "app-1"
        nl.clientSecret = "secret-1"
        var be = nl
        be.key = CatalogKey(.exactOnline, "exact-be")
        var other = nl
        other.key = CatalogKey(.exactOnline, "exact-other")
        other.clientID = "app-2"
        var uk = nl
        uk.key = CatalogKey(.exactOnline, "exact-uk")
        uk.exactLocation = "uk"
        let app = AppLogin(try AuthorizationCodeFlow(nl))
        #expect(app.storeKey == "exact_online/app-1@start.exactonline.nl")
        #expect(app.tenants(in: [nl, be, other, uk]).map(\.tenant) == ["exact-be", "exact-nl"])
    }

    private static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
