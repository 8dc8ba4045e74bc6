import Foundation
import HaloformCore
import JSONText
import ServiceTransport

/// How one system wraps a page of a list, and where the next page is: Exact's `d.results` + `d.__next`,
/// Business Central's `value` + `@odata.nextLink`, Sage's `$items` + `$next` (relative).
struct ListEnvelope: Sendable {
    /// The records of a page, nil when the page is not this shape.
    let records: @Sendable (JSONValue) -> [JSONValue]?
    /// The next page's link as given, nil on the last page.
    let next: @Sendable (JSONValue) -> String?

    static let exactOnline = ListEnvelope(
        records: { page in
            let d = page.object?["d"]
            return d?.array ?? d?.object?["results"]?.array
        },
        next: { $0.object?["d"]?.object?["__next"]?.string })

    static let businessCentral = ListEnvelope(
        records: { $0.array ?? $0.object?["value"]?.array },
        next: { $0.object?["@odata.nextLink"]?.string })

    static let sage = ListEnvelope(
        records: { $0.array ?? $0.object?["$items"]?.array },
        next: { $0.object?["$next"]?.string })
}

extension AuthorizedService {
    /// Every record of a list, following next-page links to the end (at most `maximumPages` pages).
    func collect(_ url: String, _ envelope: ListEnvelope, maximumPages: Int = 10_000) async throws(ServiceError)
        -> [JSONObject]
    {
        var records: [JSONObject] = []
        var next: String? = url
        var seen: Set<String> = []
        while let current = next {
            guard seen.count < maximumPages, seen.insert(current).inserted else {
                throw ServiceError(
                    .invalidResponse, service: service.configuration.name,
                    message: "paging did not end after \(seen.count) pages")
            }
            let response = try await send(.get(current)).requireSuccess()
            let page = try response.json()
            guard let items = envelope.records(page) else { throw response.invalid("the answer is not a list") }
            records += items.compactMap(\.object)
            next = envelope.next(page).flatMap { $0.isEmpty ? nil : Self.resolve($0, against: url) }
        }
        return records
    }

    /// An absolute URL for a next-page link: as given when absolute; a relative one (Sage's) below the API root
    /// the first page came from.
    static func resolve(_ link: String, against first: String) -> String {
        if link.hasPrefix("http://") || link.hasPrefix("https://") { return link }
        guard let components = URLComponents(string: first), let scheme = components.scheme,
            let host = components.host
        else { return link }
        let origin = "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
        let path = components.path
        // The root is the first page's path without its last segment (`/sage/v3.1/contacts` → `/sage/v3.1`).
        let root = path.split(separator: "/").dropLast().joined(separator: "/")
        let rootPath = root.isEmpty ? "" : "/" + root
        if link.hasPrefix(rootPath + "/") { return origin + link }
        return origin + rootPath + (link.hasPrefix("/") ? link : "/" + link)
    }
}

/// Turns records into catalog entries.
enum CatalogEntries {
    /// Entries read from three fields; Exact's padded codes are trimmed, records without an id are skipped.
    static func from(_ records: [JSONObject], id: String, code: String, name: String) -> [CatalogEntry] {
        records.compactMap { record in
            guard let identifier = text(record[id]), !identifier.isEmpty else { return nil }
            return CatalogEntry(
                id: identifier, code: text(record[code]) ?? "", name: text(record[name]) ?? "")
        }
    }

    /// What identifies each customer, read from the named fields (nil for a field the system has not); empty texts
    /// read as absent.
    static func details(
        _ records: [JSONObject], code: String, vat: String, registration: String?, email: String
    ) -> [CustomerDetails] {
        func field(_ record: JSONObject, _ name: String?) -> String? {
            name.flatMap { text(record[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return records.compactMap { record in
            guard let code = field(record, code) else { return nil }
            return CustomerDetails(
                code: code, vatNumber: field(record, vat), registrationNumber: field(record, registration),
                email: field(record, email))
        }
    }

    /// A field as trimmed text: strings, and numbers written plainly.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text.trimmingCharacters(in: .whitespaces)
        case .int(let number)?: String(number)
        case .double(let number)? where number.rounded() == number && abs(number) < 1e15: String(Int(number))
        case .double(let number)?: String(number)
        case .bool(let flag)?: String(flag)
        default: nil
        }
    }
}
