import Foundation
import HaloformCore
import JSONText
import ServiceTransport

/// How one system wraps a page of a list, where the next page is, and whether pages can be asked for by number:
/// Exact's `d.results` + `d.__next` and Business Central's `value` + `@odata.nextLink` carry a `$skiptoken` cursor,
/// so their pages come one after another; Sage's `$items` + `$next` (relative) come with `$total`, and a `page`
/// parameter reaches any page, so once the first page gives the total the rest are fetched at once.
struct ListEnvelope: Sendable {
    /// The member the list sits in (Exact's `d`), if any.
    let container: String?
    /// The member holding the records.
    let items: String
    /// The member holding the next page's link.
    let next: String
    /// The member holding the total count, when the system pages by number.
    let total: String?

    static let exactOnline = ListEnvelope(container: "d", items: "results", next: "__next", total: nil)
    static let businessCentral = ListEnvelope(container: nil, items: "value", next: "@odata.nextLink", total: nil)
    static let sage = ListEnvelope(container: nil, items: "$items", next: "$next", total: "$total")

    /// The first record of a small answer read whole (Exact's `/current/Me`): the list's first, or the container
    /// itself when it holds a single record.
    func firstRecord(in page: JSONValue) -> JSONObject? {
        let outer = container.map { page.object?[$0] } ?? page
        if let list = outer?.array ?? outer?.object?[items]?.array { return list.first?.object }
        return outer?.object
    }

    /// One page read in place: its entries, the next page's link as given, and the total when the system says.
    struct Page {
        var entries: [CatalogEntry] = []
        /// What identifies each customer, when the fields ask for it.
        var details: [CustomerDetails] = []
        var next: String?
        var total: Int?
        /// Whether a list was found at all.
        var isList = false
    }

    /// Reads a page, keeping of each record only the three fields `fields` names.
    func read(_ bytes: UnsafeRawBufferPointer, _ fields: CatalogFields) throws(JSONReader.Failure) -> Page {
        var page = Page()
        var reader = JSONReader(bytes)
        if try reader.peek() == .array {
            try readEntries(&reader, fields, into: &page)
        } else if let container {
            try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
                guard key == container else { return try reader.skipValue() }
                if try reader.peek() == .array { return try readEntries(&reader, fields, into: &page) }
                try readMembers(&reader, fields, into: &page)
            }
        } else {
            try readMembers(&reader, fields, into: &page)
        }
        try reader.finish()
        return page
    }

    private func readMembers(_ reader: inout JSONReader, _ fields: CatalogFields, into page: inout Page)
        throws(JSONReader.Failure)
    {
        try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
            switch key {
            case items: try readEntries(&reader, fields, into: &page)
            case next: page.next = try reader.readValue().string
            case total: page.total = try reader.readValue().int
            default: try reader.skipValue()
            }
        }
    }

    private func readEntries(_ reader: inout JSONReader, _ fields: CatalogFields, into page: inout Page)
        throws(JSONReader.Failure)
    {
        page.isList = true
        try reader.readElements { (reader) throws(JSONReader.Failure) in
            guard try reader.peek() == .object else { return try reader.skipValue() }
            var id: String?
            var code: String?
            var name: String?
            var extra = CustomerDetails(code: "")
            try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
                // One field may serve twice (Sage's tax rates: the id is also the code).
                let wanted = key == fields.id || key == fields.code || key == fields.name
                let detail = fields.details.flatMap { $0.field(named: key) }
                guard wanted || detail != nil else { return try reader.skipValue() }
                let text = CatalogEntries.text(try reader.readValue())
                if key == fields.id { id = text }
                if key == fields.code { code = text }
                if key == fields.name { name = text }
                // Empty texts read as absent.
                if let detail, let text, !text.isEmpty { extra[keyPath: detail] = text }
            }
            if fields.details != nil, let code, !code.isEmpty {
                extra.code = code
                page.details.append(extra)
            }
            guard let id, !id.isEmpty else { return }
            page.entries.append(CatalogEntry(id: id, code: code ?? "", name: name ?? ""))
        }
    }
}

/// The fields of a record a catalog keeps: its id, its code and its name, and for customers, when asked, what
/// identifies them to `haloform suggest`.
struct CatalogFields: Sendable {
    let id: String
    let code: String
    let name: String
    var details: CustomerDetailFields?
}

/// Where a system keeps a customer's VAT number, registration number and e-mail (nil where it has none).
struct CustomerDetailFields: Sendable {
    let vat: String
    let registration: String?
    let email: String

    /// The detail a record's field holds, if it is one of these.
    func field(named key: String) -> WritableKeyPath<CustomerDetails, String?>? {
        switch key {
        case vat: \.vatNumber
        case registration: \.registrationNumber
        case email: \.email
        default: nil
        }
    }
}

extension AuthorizedService {
    /// Every entry of a list: the pages a cursor links one after another, or, where the system pages by number, the
    /// first page and then the rest at once (as many in flight as the service allows), in page order. At most
    /// `maximumPages` pages.
    func entries(_ url: String, _ envelope: ListEnvelope, _ fields: CatalogFields, maximumPages: Int = 10_000)
        async throws(ServiceError) -> [CatalogEntry]
    {
        try await list(url, envelope, fields, maximumPages: maximumPages).entries
    }

    /// Every entry of a list and, when `fields` asks, every customer's details; paged as `entries` pages.
    func list(_ url: String, _ envelope: ListEnvelope, _ fields: CatalogFields, maximumPages: Int = 10_000)
        async throws(ServiceError) -> ListEnvelope.Page
    {
        let first = try await page(url, envelope, fields)
        var entries = first.entries
        var details = first.details
        var seen: Set<String> = [url]
        var next = first.next
        if let total = first.total, let numbered = numberedPages(url, first: first, total: total, maximum: maximumPages)
        {
            let rest = try await service.concurrently(numbered) { (link) async throws(ServiceError) in
                try await page(link, envelope, fields)
            }
            entries.reserveCapacity(total)
            for page in rest {
                entries += page.entries
                details += page.details
            }
            seen.formUnion(numbered)
            next = rest.last?.next
        }
        while let link = next.flatMap({ $0.isEmpty ? nil : Self.resolve($0, against: url) }) {
            guard seen.count < maximumPages, seen.insert(link).inserted else {
                throw ServiceError(
                    .invalidResponse, service: service.configuration.name,
                    message: "paging did not end after \(seen.count) pages")
            }
            let page = try await page(link, envelope, fields)
            entries += page.entries
            details += page.details
            next = page.next
        }
        return ListEnvelope.Page(entries: entries, details: details, isList: true)
    }

    /// Pages 2… of a list paged by number, when the first page is full and the total says there are more.
    private func numberedPages(_ url: String, first: ListEnvelope.Page, total: Int, maximum: Int) -> [String]? {
        let size = first.entries.count
        guard size > 0, total > size, first.next != nil, var components = URLComponents(string: url) else { return nil }
        let count = min((total + size - 1) / size, maximum)
        guard count >= 2 else { return nil }
        var query = (components.queryItems ?? []).filter { $0.name != "page" }
        query.append(URLQueryItem(name: "page", value: "1"))
        return (2...count).map { number in
            query[query.count - 1].value = String(number)
            components.queryItems = query
            return components.string ?? url
        }
    }

    private func page(_ url: String, _ envelope: ListEnvelope, _ fields: CatalogFields) async throws(ServiceError)
        -> ListEnvelope.Page
    {
        let response = try await send(.get(url)).requireSuccess()
        return try response.decode { (bytes) throws(ServiceError) in
            let page: ListEnvelope.Page
            do throws(JSONReader.Failure) {
                page = try envelope.read(bytes, fields)
            } catch {
                throw response.invalid("the answer is not JSON (\(error.message))")
            }
            guard page.isList else { throw response.invalid("the answer is not a list") }
            return page
        }
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

/// Turns fields into catalog entries.
enum CatalogEntries {
    /// A field as trimmed text: strings (Exact's padded codes trimmed), and numbers written plainly.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: trimmed(text)
        case .int(let number)?: String(number)
        case .double(let number)? where number.rounded() == number && abs(number) < 1e15: String(Int(number))
        case .double(let number)?: String(number)
        case .bool(let flag)?: String(flag)
        default: nil
        }
    }

    /// The text without leading and trailing spaces: what `trimmingCharacters(in: .whitespaces)` gives (general
    /// category Zs, tab and U+200B), without Foundation's round trip through UTF-16, which cost a fifth of a large fetch.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        // Foundation's set also holds U+200B, a space separator until Unicode 4.0.1.
        return scalar.properties.generalCategory == .spaceSeparator || scalar == "\u{200B}"
    }
}
