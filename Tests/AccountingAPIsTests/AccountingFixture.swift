import AccountingAPIs
import Foundation
import HaloformCore
import JSONText
import Sandbox
import ServiceTransport

/// A sandbox with every rate limit off, a fresh token store in a temporary folder, and catalog requests for its
/// demo tenants; the sandbox and the clients share one clock, which the test moves and every client wait moves too.
struct AccountingFixture {
    let server: SandboxServer
    let folder: String
    let clock: ManualClock
    let log = LogRecorder()

    /// Runs `body` against a fresh in-memory sandbox, removing the temporary folder afterwards.
    static func run(_ body: (AccountingFixture) async throws -> Void) async throws {
        let clock = ManualClock(advancesWhenSleeping: true)
        let options = SandboxOptions(
            haloRateLimit: nil, exactRateLimit: nil, businessCentralRateLimit: nil, sageRateLimit: nil,
            clock: SandboxClock { clock.now })
        let server = try await SandboxServer.start(options)
        let folder = NSTemporaryDirectory() + "haloform-accounting-\(UUID().uuidString)"
        let fixture = AccountingFixture(server: server, folder: folder, clock: clock)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try await body(fixture)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// The token store's path.
    var storePath: String { folder + "/tokens.json" }

    /// A context on this fixture's store, with millisecond backoffs and logs recorded.
    func context(
        environment: [String: String] = [:], allowsSandboxLogin: Bool = true, pageSize: Int? = nil
    ) -> AccountingContext {
        var http: [Integration: HTTPServiceConfiguration] = [:]
        for (integration, standard) in AccountingContext.standardHTTP {
            var configuration = standard.unlimited()
            configuration.retry = RetryPolicy(
                maximumAttempts: 10, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(50),
                maximumRetryAfter: .seconds(5))
            configuration.logger = log.logger
            http[integration] = configuration
        }
        return AccountingContext(
            tokenStore: TokenStore(path: storePath), environment: environment, allowsSandboxLogin: allowsSandboxLogin,
            http: http, pageSize: pageSize, clock: clock)
    }

    /// Exact Online's demo tenant, division 123456 (or another of the demo login's divisions).
    func exactRequest(_ tenant: String = "exact-nl", division: Int = 123456) -> CatalogRequest {
        var request = CatalogRequest(key: CatalogKey(.exactOnline, tenant))
        request.baseURL = server.exactOnlineURL
        request.clientID = SandboxCredentials.exactOnline.clientID
        request.clientSecret = SandboxCredentials.exactOnline.clientSecret
        request.exactDivision = division
        return request
    }

    /// The token store key of the demo Exact app's login.
    func exactStoreKey() throws -> String {
        AppLogin(try AuthorizationCodeFlow(exactRequest())).storeKey
    }

    /// Business Central's demo tenant: CRONUS NL in Production.
    func businessCentralRequest(company: String = "CRONUS NL") -> CatalogRequest {
        var request = CatalogRequest(key: CatalogKey(.businessCentral, "bc-prod"))
        request.baseURL = server.businessCentralURL
        request.clientID = SandboxCredentials.businessCentral.clientID
        request.clientSecret = SandboxCredentials.businessCentral.clientSecret
        request.azureTenantID = SandboxCredentials.businessCentralTenant
        request.environment = "Production"
        request.company = company
        return request
    }

    /// Sage's demo tenant: the business "Acme Ltd".
    func sageRequest(business: String = "Acme Ltd") -> CatalogRequest {
        var request = CatalogRequest(key: CatalogKey(.sageBusinessCloud, "sage-uk"))
        request.baseURL = server.sageURL
        request.clientID = SandboxCredentials.sage.clientID
        request.clientSecret = SandboxCredentials.sage.clientSecret
        request.business = business
        return request
    }

    /// Calls an admin endpoint (`/_sandbox/...`).
    @discardableResult
    func admin(_ method: String, _ path: String, _ json: String = "{}") async throws -> JSONValue {
        let service = HTTPService(HTTPServiceConfiguration(name: "Sandbox admin", retry: .none))
        let url = server.baseURL + "/_sandbox/" + path
        let request = method == "GET" ? ServiceRequest.get(url) : ServiceRequest.postJSON(url, json)
        return try await service.send(request).requireSuccess().json()
    }

    /// Requests the sandbox counted for a system whose method and path start with `prefix`.
    func requestCount(_ system: String, matching prefix: String) async throws -> Int {
        let stats = try await admin("GET", "stats")
        let paths = stats.object?["systems"]?.object?[system]?.object?["paths"]?.object ?? [:]
        return paths.filter { $0.key.hasPrefix(prefix) }.values.compactMap(\.int).reduce(0, +)
    }
}
