import AccountingAPIs
import Foundation
import HaloAPI
import HaloformCore
import NIOConcurrencyHelpers
import Sandbox
import ServiceTransport
import Testing

@Suite("Remote state against the sandbox")
struct RemoteStateFetcherTests {
    private func request(_ fixture: AccountingFixture, catalogs: [CatalogRequest]) -> RemoteStateRequest {
        RemoteStateRequest(
            halo: HaloConnection(
                url: fixture.server.haloURL, clientID: SandboxCredentials.halo.clientID,
                clientSecret: SandboxCredentials.halo.clientSecret),
            collections: [.control, .features, .tax, .assetGroup, .topLevel, .exactDetails],
            includeClients: true, catalogs: catalogs)
    }

    private func fetcher(_ fixture: AccountingFixture) -> RemoteStateFetcher {
        var http = HTTPServiceConfiguration.halo.unlimited()
        http.retry = RetryPolicy(maximumAttempts: 10, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(50))
        http.logger = fixture.log.logger
        return RemoteStateFetcher(
            halo: HaloClientConfiguration(pageSize: 100, http: http), accounting: fixture.context())
    }

    @Test("one fetch reads Halo and every catalog, reporting progress part by part")
    func fetchEverything() async throws {
        try await AccountingFixture.run { fixture in
            let progress = NIOLockedValueBox<[FetchProgress]>([])
            let state = try await fetcher(fixture).fetch(
                request(fixture, catalogs: [fixture.exactRequest(), fixture.businessCentralRequest()])
            ) { report in progress.withLockedValue { $0.append(report) } }
            #expect(state.clients.count == 312)
            #expect(state.productGroups.count == 10)
            #expect(state.topLevels.count == 5)
            #expect(state[.tax].count == 6)
            #expect(state[.exactDetails].isEmpty)
            #expect(!state.control.isEmpty)
            #expect(state.catalogs[CatalogKey(.exactOnline, "exact-nl")]?.customers.count == 261)
            #expect(state.catalogs[CatalogKey(.businessCentral, "bc-prod")]?.customers.count == 200)
            let reports = progress.withLockedValue { $0 }
            #expect(reports.count == 9)
            #expect(reports.last?.completed == reports.last?.total)
            // The same remote gives the same fingerprint.
            let again = try await fetcher(fixture).fetch(
                request(fixture, catalogs: [fixture.exactRequest(), fixture.businessCentralRequest()]))
            #expect(again.fingerprint == state.fingerprint)
        }
    }

    @Test("a 429 storm on every system during the fetch is ridden out")
    func stormEverywhere() async throws {
        try await AccountingFixture.run { fixture in
            try await fixture.admin("POST", "faults", #"{"throttle_burst": 8, "retry_after": 0}"#)
            let state = try await fetcher(fixture).fetch(
                request(fixture, catalogs: [fixture.exactRequest(), fixture.businessCentralRequest()]))
            #expect(state.clients.count == 312)
            #expect(state.catalogs.count == 2)
        }
    }

    @Test("no secret appears in errors or logs, whatever fails")
    func noSecretsShown() async throws {
        try await AccountingFixture.run { fixture in
            try await fixture.admin("POST", "faults", #"{"throttle_burst": 4, "retry_after": 0, "token_lifetime": 3}"#)
            let state = try await fetcher(fixture).fetch(
                request(fixture, catalogs: [fixture.exactRequest(), fixture.businessCentralRequest()]))
            #expect(state.catalogs.count == 2)
            var errors: [String] = []
            // A refused seed, a wrong client secret and a wrong BC secret.
            let seeded = fixture.context(
                environment: ["EXACT_REFRESH_TOKEN": "seeded-refresh-token-value"],
                allowsSandboxLogin: false)
            try? FileManager.default.removeItem(atPath: fixture.storePath)
            do { _ = try await CatalogClients.make(fixture.exactRequest(), context: seeded).catalog() } catch {
                errors.append(String(describing: error))
            }
            var wrong = fixture.businessCentralRequest()
            wrong.clientSecret = "wrong-bc-secret-value"
            do { _ = try await CatalogClients.make(wrong, context: fixture.context()).catalog() } catch {
                errors.append(String(describing: error))
            }
            #expect(errors.count == 2)
            var secrets = [
                SandboxCredentials.halo.clientSecret, SandboxCredentials.exactOnline.clientSecret,
                SandboxCredentials.businessCentral.clientSecret, SandboxCredentials.sage.clientSecret,
                "seeded-refresh-token-value", "wrong-bc-secret-value",
            ]
            if let stored = try TokenStore(path: fixture.storePath).entry(for: try fixture.exactStoreKey()) {
                secrets += [stored.refreshToken, stored.accessToken ?? ""]
            }
            let captured = fixture.log.all + errors
            #expect(!fixture.log.all.isEmpty)
            for text in captured {
                for secret in secrets where !secret.isEmpty { #expect(!text.contains(secret), "secret in: \(text)") }
            }
        }
    }
}
