import AccountingAPIs
import Foundation
import HaloAPI
import HaloformCore
import JSONText
import Sandbox
import ServiceTransport

/// `fetch`: the remote state of 100,000 Halo clients and 20 ExactDetails records of 5,000 client mappings each,
/// plus one catalog per accounting system, fetched from an in-process sandbox with its rate limits off.
enum FetchBenchmark {
    /// Halo clients in all, the seed's included.
    static let clientCount = 100_000
    /// ExactDetails records.
    static let tenantCount = 20
    /// Client mappings on each.
    static let mappingsPerTenant = 5_000
    /// Records per POST while loading.
    static let batchSize = 2_000

    /// Loads the sandbox, fetches once, and prints requests, wall time and peak memory.
    /// Options: `--page-size N` (Halo page size, default 1000), `--no-catalogs`.
    static func run(_ arguments: [String]) async throws {
        let pageSize = arguments.firstIndex(of: "--page-size").flatMap { Int(arguments[$0 + 1]) } ?? 1000
        let withCatalogs = !arguments.contains("--no-catalogs")
        let server = try await SandboxServer.start(
            SandboxOptions(haloRateLimit: nil, exactRateLimit: nil, businessCentralRateLimit: nil, sageRateLimit: nil))
        let connection = HaloConnection(
            url: server.haloURL, clientID: SandboxCredentials.halo.clientID,
            clientSecret: SandboxCredentials.halo.clientSecret)
        var http = HTTPServiceConfiguration.halo.unlimited()
        http.requestTimeout = .seconds(300)
        let halo = HaloClientConfiguration(pageSize: pageSize, http: http)

        let clock = ContinuousClock()
        let loading = try await clock.measure { try await load(connection, halo) }
        print(
            "loaded: \(clientCount) clients, \(tenantCount) ExactDetails x \(mappingsPerTenant) client mappings in \(seconds(loading))"
        )

        var request = RemoteStateRequest(
            halo: connection, collections: [.exactDetails, .control, .features, .tax, .assetGroup, .topLevel],
            includeClients: true, catalogs: [])
        if withCatalogs { request.catalogs = catalogRequests(server) }
        var accountingHTTP: [Integration: HTTPServiceConfiguration] = [:]
        for (integration, configuration) in AccountingContext.standardHTTP {
            accountingHTTP[integration] = configuration.unlimited()
        }
        let storeFolder = NSTemporaryDirectory() + "haloform-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: storeFolder) }
        let fetcher = RemoteStateFetcher(
            halo: halo,
            accounting: AccountingContext(
                tokenStore: TokenStore(path: storeFolder + "/tokens.json"), environment: [:], http: accountingHTTP))

        _ = try await admin(server, "POST", "stats/reset")
        ValidateBenchmark.resetPeakMemory()
        // Right after the reset the high-water mark is the resident size: the sandbox and its data.
        let baseline = ValidateBenchmark.peakMemoryMegabytes()
        var state = RemoteState()
        let fetching = try await clock.measure { state = try await fetcher.fetch(request) }
        let peak = ValidateBenchmark.peakMemoryMegabytes()
        let stats = try await admin(server, "GET", "stats")

        let mappings = state[.exactDetails].reduce(0) { $0 + ($1["client_mappings"]?.array?.count ?? 0) }
        print(
            "fetched: \(state.clients.count) clients, \(state[.exactDetails].count) ExactDetails with \(mappings) mappings, \(state.catalogs.count) catalogs"
        )
        let systems = stats.object?["systems"]?.object ?? [:]
        for name in systems.keys.sorted() {
            print("  requests \(name): \(systems[name]?.object?["total"]?.int ?? 0)")
        }
        let haloPages = (clientCount + pageSize - 1) / pageSize
        let haloMinimum = 1 + haloPages + request.collections.count
        print(
            "requests: \(stats.object?["total"]?.int ?? 0) in all; Halo \(systems["halo"]?.object?["total"]?.int ?? 0), "
                + "paging minimum \(haloMinimum) (1 token + \(haloPages) client pages of \(pageSize) + \(request.collections.count) collections)"
        )
        print("wall time: \(seconds(fetching))")
        print(
            "memory: \(baseline.map(String.init) ?? "?") MB resident before the fetch (sandbox and loaded data included); "
                + "peak during the fetch \(peak.map(String.init) ?? "?") MB (VmHWM)")
        print("fingerprint: \(state.fingerprint.prefix(16))…")
        await server.stop()
    }

    /// Posts the clients and the ExactDetails records through the Halo API.
    private static func load(_ connection: HaloConnection, _ configuration: HaloClientConfiguration) async throws {
        let client = try HaloClient(connection: connection, configuration: configuration)
        let existing = try await client.namedRecords(.client).count
        var next = existing
        while next < clientCount {
            let batch = (next..<min(clientCount, next + batchSize)).map { index -> JSONObject in
                ["name": .string("Bench Client \(index)"), "toplevel_id": 1, "accountsid": .string("B\(index)")]
            }
            try await client.post(.client, batch)
            next += batch.count
        }
        let ids = try await client.namedRecords(.client).map(\.id)
        for tenant in 0..<tenantCount {
            let mappings = (0..<mappingsPerTenant).map { offset -> JSONValue in
                let id = ids[(tenant * mappingsPerTenant + offset) % ids.count]
                return ["halo_id": .int(id), "third_party_id": .string(String(10_000 + offset)), "table_id": 2]
            }
            try await client.post(
                .exactDetails,
                [["name": .string("Exact \(tenant)"), "division": 123456, "client_mappings": .array(mappings)]])
        }
    }

    /// The sandbox's demo tenant of each accounting system.
    private static func catalogRequests(_ server: SandboxServer) -> [CatalogRequest] {
        var exact = CatalogRequest(key: CatalogKey(.exactOnline, "exact-nl"))
        exact.baseURL = server.exactOnlineURL
        exact.clientID = SandboxCredentials.exactOnline.clientID
        exact.clientSecret = SandboxCredentials.exactOnline.clientSecret
        exact.exactDivision = 123456
        var central = CatalogRequest(key: CatalogKey(.businessCentral, "bc-prod"))
        central.baseURL = server.businessCentralURL
        central.clientID = SandboxCredentials.businessCentral.clientID
        central.clientSecret = SandboxCredentials.businessCentral.clientSecret
        central.azureTenantID = SandboxCredentials.businessCentralTenant
        central.environment = "Production"
        central.company = "CRONUS NL"
        var sage = CatalogRequest(key: CatalogKey(.sageBusinessCloud, "sage-uk"))
        sage.baseURL = server.sageURL
        sage.clientID = SandboxCredentials.sage.clientID
        sage.clientSecret = SandboxCredentials.sage.clientSecret
        sage.business = "Acme Ltd"
        return [exact, central, sage]
    }

    private static func admin(_ server: SandboxServer, _ method: String, _ path: String) async throws -> JSONValue {
        let service = HTTPService(HTTPServiceConfiguration(name: "Sandbox admin", retry: .none))
        let url = server.baseURL + "/_sandbox/" + path
        let request = method == "GET" ? ServiceRequest.get(url) : ServiceRequest.postJSON(url, "{}")
        return try await service.send(request).requireSuccess().json()
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f s", duration.inSeconds)
    }
}
