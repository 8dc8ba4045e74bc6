import Foundation
import HaloformCore
import JSONText
import NIOCore
import NIOHTTP1
import ServiceTransport

/// Reads and writes a Halo instance's records through its REST API: client-credentials login, paging, upserts by
/// POSTed arrays, deletes.
public final class HaloClient: Sendable {
    /// The instance's base URL, without a trailing `/` or `/api`.
    public let baseURL: String
    /// How it pages.
    public let configuration: HaloClientConfiguration
    /// The HTTP discipline, with its request counts.
    public let service: HTTPService

    private let authorized: AuthorizedService

    /// A client for a connection; refuses a URL that is not https (or loopback) before anything is sent.
    public init(connection: HaloConnection, configuration: HaloClientConfiguration = HaloClientConfiguration())
        throws(ServiceError)
    {
        var base = connection.url.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        if base.lowercased().hasSuffix("/api") { base.removeLast(4) }
        try TransportSecurity.check(base, service: configuration.http.name)
        configuration.http.redactor.register(connection.clientSecret)
        self.baseURL = base
        self.configuration = configuration
        let service = HTTPService(configuration.http)
        self.service = service
        let source = HaloTokenSource(connection: connection, baseURL: base, service: service)
        self.authorized = AuthorizedService(
            service: service,
            tokens: TokenCache(margin: 60, clock: service.configuration.clock) { _ in try await source.fetch() })
    }

    /// Every record of a collection: all pages of a paged one, each record read straight from the bytes as far as
    /// the fields haloform reads (`readFields`); the whole list of a configuration one, each record whole.
    public func list(_ collection: HaloCollection) async throws(ServiceError) -> [JSONObject] {
        if let fields = collection.readFields {
            return try await records(collection) { response throws(ServiceError) in
                try Self.page(of: response, collection) { (reader) throws(JSONReader.Failure) in
                    var record = JSONObject()
                    try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
                        if fields.contains(key) { record[key] = try reader.readValue() } else { try reader.skipValue() }
                    }
                    return record
                }
            }
        }
        return try await records(collection) { response throws(ServiceError) in
            let json = try response.json()
            let list = try Self.listPart(of: json, key: collection.pagedListKey, response: response)
            return (json.object?["record_count"]?.int, list.compactMap(\.object))
        }
    }

    /// Halo's log of failed syncs back to `since`, newest first: pages ordered by date, read until one reaches past
    /// `since` or the log ends (the document gives `/IntegrationError` no date filter).
    public func integrationErrors(since: Timestamp) async throws(ServiceError) -> [JSONObject] {
        let size = configuration.pageSize
        var all: [JSONObject] = []
        for number in 1... {
            let query = IntegrationErrorField.pageQuery(number: number, size: size).map { "\($0.name)=\($0.value)" }
                .joined(separator: "&")
            let response = try await authorized.send(.get(url(.integrationError) + "?" + query)).requireSuccess()
            let json = try response.json()
            let page = try Self.listPart(of: json, key: nil, response: response).compactMap(\.object)
            all += page
            let oldest = page.last?[IntegrationErrorField.date.rawValue]?.string.flatMap(Timestamp.init(iso:))
            let total = json.object?["record_count"]?.int ?? all.count
            if page.count < size || all.count >= total || oldest.map({ $0 < since }) ?? false { break }
        }
        return all
    }

    /// Id and name of every record of a collection, read straight from the received bytes (100,000 clients fit).
    public func namedRecords(_ collection: HaloCollection) async throws(ServiceError) -> [NamedRecord] {
        try await records(collection) { response throws(ServiceError) in
            try Self.page(of: response, collection, record: NamedRecord.read)
        }
    }

    /// The integration's tenant records, read straight from the received bytes: the mappings they embed never become
    /// JSON objects.
    public func tenantRecords(_ integration: Integration) async throws(ServiceError) -> [TenantRecord] {
        let collection = integration.detailsCollection
        return try await records(collection) { response throws(ServiceError) in
            try Self.page(of: response, collection) { (reader) throws(JSONReader.Failure) in
                guard try reader.peek() == .object else { throw reader.failure("a tenant record is not an object") }
                return try TenantRecord(reading: &reader, of: integration)
            }
        }
    }

    /// A list answer's total and records, read by `record`.
    private static func page<Record>(
        of response: ServiceResponse, _ collection: HaloCollection, record: RecordPage<Record>.RecordReader
    ) throws(ServiceError) -> (Int?, [Record]) {
        try response.decode { (bytes) throws(ServiceError) in
            do throws(JSONReader.Failure) {
                let page = try RecordPage(bytes, listKey: collection.pagedListKey, record: record)
                return (page.recordCount, page.records)
            } catch {
                throw response.invalid("the list of \(collection.rawValue) could not be read (\(error))")
            }
        }
    }

    /// The `/Control` singleton.
    public func control() async throws(ServiceError) -> JSONObject {
        let response = try await authorized.send(.get(url(.control))).requireSuccess()
        let json = try response.json()
        if let object = json.object { return object }
        if let first = json.array?.first?.object { return first }
        throw response.invalid("/Control is not an object")
    }

    /// Creates or updates records (those with an `id` are updated); returns what Halo saved, in order.
    @discardableResult
    public func post(_ collection: HaloCollection, _ records: [JSONObject]) async throws(ServiceError)
        -> [JSONObject]
    {
        guard !records.isEmpty else { return [] }
        let body = JSONValue.array(records.map(JSONValue.object)).canonicalText
        let response = try await authorized.send(.postJSON(url(collection), body)).requireSuccess()
        if response.body.readableBytes == 0 { return [] }
        let json = try response.json()
        if let object = json.object { return [object] }
        if let array = json.array { return array.compactMap(\.object) }
        throw response.invalid("the answer to a POST is neither an object nor an array")
    }

    /// Deletes one record.
    public func delete(_ collection: HaloCollection, id: Int) async throws(ServiceError) {
        try await authorized.send(ServiceRequest(.DELETE, url(collection) + "/\(id)")).requireSuccess()
    }

    // MARK: - Paging

    /// A page's total (`record_count`, when the collection is paged) and its records.
    typealias PageReader<Record> = @Sendable (ServiceResponse) throws(ServiceError) -> (Int?, [Record])

    private func records<Record: Sendable>(
        _ collection: HaloCollection, read: @escaping PageReader<Record>
    ) async throws(ServiceError) -> [Record] {
        guard collection.pagedListKey != nil else {
            return try read(try await authorized.send(.get(url(collection))).requireSuccess()).1
        }
        let pageSize = configuration.pageSize
        let first = try read(try await page(collection, 1))
        var all = first.1
        let total = first.0 ?? all.count
        guard all.count < total, all.count > 0 else { return all }
        let pageCount = (total + pageSize - 1) / pageSize
        all.reserveCapacity(total)
        // Pages in parallel, as many at once as the service allows, kept in page order.
        all += try await service.concurrently(Array(2...max(2, pageCount))) { (number) throws(ServiceError) in
            try read(try await self.page(collection, number)).1
        }.joined()
        // Records added during the walk push the total on; follow them until a page comes back short.
        var next = pageCount + 1
        var lastCount = pageSize
        while all.count < total, lastCount == pageSize, next <= pageCount + 10 {
            let more = try read(try await page(collection, next)).1
            all += more
            lastCount = more.count
            next += 1
        }
        return all
    }

    private func page(_ collection: HaloCollection, _ number: Int) async throws(ServiceError) -> ServiceResponse {
        let query =
            "?"
            + HaloCollection.pageQuery(number: number, size: configuration.pageSize).map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
        return try await authorized.send(.get(url(collection) + query)).requireSuccess()
    }

    private func url(_ collection: HaloCollection) -> String {
        "\(baseURL)/api/\(collection.path)"
    }

    /// The records of a list answer: a bare array, or the array under `key` (or under the only array-valued key).
    static func listPart(of json: JSONValue, key: String?, response: ServiceResponse) throws(ServiceError)
        -> [JSONValue]
    {
        if let array = json.array { return array }
        guard let object = json.object else {
            throw response.invalid("a list answer is neither an array nor an object")
        }
        if let key, let list = object[key]?.array { return list }
        let lists = object.values.compactMap(\.array)
        if lists.count == 1 { return lists[0] }
        if object.isEmpty || lists.isEmpty && object["record_count"]?.int == 0 { return [] }
        throw response.invalid("a list answer holds no single array of records")
    }
}
