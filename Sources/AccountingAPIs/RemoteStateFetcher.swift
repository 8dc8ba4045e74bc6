import Foundation
import HaloAPI
import HaloformCore
import JSONText
import ServiceTransport

/// Fetches everything a plan needs, from Halo and every declared tenant's accounting system at once (a bounded
/// number of parts in flight), into one immutable `RemoteState`.
public struct RemoteStateFetcher: Sendable {
    /// How the Halo client pages and retries.
    public var halo: HaloClientConfiguration
    /// Token store, seeds and the accounting systems' HTTP discipline.
    public var accounting: AccountingContext
    /// The most parts (a Halo collection, a tenant's catalog) fetched at once.
    public var maximumParallelParts: Int

    /// Parts fetched at once unless told otherwise.
    public static let defaultParallelParts = 4

    /// A fetcher as given.
    public init(
        halo: HaloClientConfiguration = HaloClientConfiguration(), accounting: AccountingContext = AccountingContext(),
        maximumParallelParts: Int = defaultParallelParts
    ) {
        self.halo = halo
        self.accounting = accounting
        self.maximumParallelParts = max(1, maximumParallelParts)
    }

    /// One part's result.
    private enum Part: Sendable {
        case records(HaloCollection, [JSONObject])
        case tenants(Integration, [TenantRecord])
        case control(JSONObject)
        case clients([NamedRecord])
        case catalog(CatalogKey, Catalog)
    }

    /// Fetches the collections, `/Control`, the clients' names and the catalogs the request names. Collections
    /// `AssetGroup` and `TopLevel`, when requested, also fill `productGroups` and `topLevels`. `progress` is
    /// called after each part. Logins that must be renewed are all named in one error, after the other parts.
    public func fetch(
        _ request: RemoteStateRequest, progress: (@Sendable (FetchProgress) -> Void)? = nil
    ) async throws -> RemoteState {
        let client = try HaloClient(connection: request.halo, configuration: halo)
        let catalogClients = try request.catalogs.map { request throws(ServiceError) in
            try CatalogClients.make(request, context: accounting)
        }
        var jobs: [(String, @Sendable () async throws -> Part)] = []
        for collection in request.collections.sorted(by: { $0.rawValue < $1.rawValue }) {
            let name = "Halo /\(collection.rawValue)"
            if collection == .control {
                jobs.append((name, { .control(try await client.control()) }))
            } else if let integration = Integration(detailsCollection: collection) {
                jobs.append((name, { .tenants(integration, try await client.tenantRecords(integration)) }))
            } else {
                jobs.append(
                    (name, { .records(collection, try await client.list(collection)) }))
            }
        }
        // Full client records, when requested, give the names too.
        if request.includeClients && !request.collections.contains(.client) {
            jobs.append(("Halo /Client", { .clients(try await client.namedRecords(.client)) }))
        }
        for catalogClient in catalogClients {
            let key = catalogClient.key
            jobs.append(
                (
                    "\(key)",
                    {
                        do {
                            return .catalog(key, try await catalogClient.catalog())
                        } catch let error as ServiceError where error.kind != .loginRequired {
                            // Name the tenant whose catalog could not be read, as a login error does.
                            throw error.about("reading tenant \(key.tenant)'s catalog")
                        }
                    }
                ))
        }
        let parts = try await run(jobs, progress: progress)
        var state = RemoteState()
        for part in parts {
            switch part {
            case .records(let collection, let records):
                state[collection] = records
                let named = records.compactMap { record in
                    record["id"]?.int.map { NamedRecord(id: $0, name: record["name"]?.string ?? "") }
                }
                if collection == .assetGroup { state.productGroups = named }
                if collection == .topLevel { state.topLevels = named }
                if collection == .client { state.clients = named }
            case .tenants(let integration, let records): state.tenantRecords[integration] = records
            case .control(let control): state.control = control
            case .clients(let clients): state.clients = clients
            case .catalog(let key, let catalog): state.catalogs[key] = catalog
            }
        }
        return state
    }

    private func run(
        _ jobs: [(String, @Sendable () async throws -> Part)], progress: (@Sendable (FetchProgress) -> Void)?
    ) async throws -> [Part] {
        let start = ContinuousClock.now
        let width = maximumParallelParts
        return try await withThrowingTaskGroup(of: (String, Part).self) { group in
            var pending = jobs.makeIterator()
            func launch() {
                guard let (name, job) = pending.next() else { return }
                group.addTask { (name, try await job()) }
            }
            for _ in 0..<width { launch() }
            var parts: [Part] = []
            var logins: [ServiceError] = []
            while true {
                let next: (String, Part)?
                do {
                    next = try await group.next()
                } catch let error as ServiceError where error.kind == .loginRequired {
                    // Tenants sharing a login fail alike; each login is named once.
                    if !logins.contains(where: { $0.description == error.description }) { logins.append(error) }
                    launch()
                    continue
                }
                guard let (name, part) = next else { break }
                parts.append(part)
                let elapsed = ContinuousClock.now - start
                progress?(
                    FetchProgress(completed: parts.count, total: jobs.count, finished: name, elapsed: elapsed.inSeconds)
                )
                launch()
            }
            if logins.count == 1 { throw logins[0] }
            if !logins.isEmpty {
                throw ServiceError(
                    .loginRequired, service: "Accounting logins",
                    message: "\(logins.count) logins must be renewed:"
                        + logins.map { "\n  \($0.description)" }.joined())
            }
            return parts
        }
    }
}
