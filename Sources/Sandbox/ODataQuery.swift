/// The OData query options Exact and Business Central share: `$filter`, `$select`, `$orderby`, `$top`, `$skip`,
/// `$skiptoken`, applied to a list of records with keyset paging by the key property.
struct ODataQuery: Sendable {
    /// The parsed filter.
    var filter: ODataFilter?
    /// The selected properties, in the order given.
    var select: [String]?
    /// Sort keys: property and descending flag.
    var orderBy: [(property: String, descending: Bool)] = []
    /// The most records to return in all.
    var top: Int?
    /// Records to skip first.
    var skip = 0
    /// The key after which the page starts.
    var skipToken: String?

    /// A query option that is not valid.
    struct Failure: Error {
        /// What was wrong.
        let message: String
    }

    /// Reads the options of a request.
    init(request: SandboxRequest) throws(Failure) {
        if let text = request.parameter("$filter"), !text.isEmpty {
            do {
                filter = try ODataFilter.parse(text)
            } catch {
                throw Failure(message: error.message)
            }
        }
        if let text = request.parameter("$select"), !text.isEmpty, text != "*" {
            select = text.split(separator: ",").map { String($0).trimming(" ") }
        }
        if let text = request.parameter("$orderby"), !text.isEmpty {
            orderBy = text.split(separator: ",").map { clause in
                let parts = clause.split(separator: " ").map(String.init)
                return (parts.first ?? "", parts.dropFirst().first?.lowercased() == "desc")
            }
        }
        if let text = request.parameter("$top") {
            guard let value = Int(text), value >= 0 else {
                throw Failure(message: "The value of $top is not a valid number.")
            }
            top = value
        }
        if let text = request.parameter("$skip") {
            guard let value = Int(text), value >= 0 else {
                throw Failure(message: "The value of $skip is not a valid number.")
            }
            skip = value
        }
        if let text = request.parameter("$skiptoken"), !text.isEmpty {
            var token = text
            if token.lowercased().hasPrefix("guid'") { token = String(token.dropFirst(5)) }
            skipToken = token.trimming("'")
        }
    }

    /// The properties named anywhere in the query that records do not have.
    func unknownProperties(known: Set<String>) -> [String] {
        let named = (filter?.properties ?? []) + (select ?? []) + orderBy.map(\.property)
        return named.filter { !known.contains($0) && !$0.contains("/") }
    }

    /// One page: the records after `skipToken`, filtered and ordered, at most `pageSize` (and `top`) of them, and
    /// whether more follow.
    func page(of records: [JSONObject], key: String, pageSize: Int) throws(Failure) -> (
        records: [JSONObject], more: Bool
    ) {
        var matching: [JSONObject]
        if let filter {
            matching = []
            do {
                for record in records where try filter.matches(record) { matching.append(record) }
            } catch {
                throw Failure(message: error.message)
            }
        } else {
            matching = records
        }
        if !orderBy.isEmpty {
            let keys = orderBy
            matching.sort { left, right in
                for sortKey in keys {
                    let order =
                        ODataFilter.order(left[sortKey.property] ?? .null, right[sortKey.property] ?? .null) ?? 0
                    if order != 0 { return sortKey.descending ? order > 0 : order < 0 }
                }
                return false
            }
        }
        var start = min(skip, matching.count)
        if let skipToken {
            if let index = matching.firstIndex(where: { $0[key]?.text.lowercased() == skipToken.lowercased() }) {
                start = index + 1
            } else {
                // The token's record is gone: continue after where its key would sort.
                start =
                    matching.firstIndex { ($0[key]?.text.lowercased() ?? "") > skipToken.lowercased() }
                    ?? matching.count
            }
        }
        let remaining = matching.count - start
        let limit = min(pageSize, top ?? Int.max)
        let count = min(limit, remaining)
        let more = remaining > count && (top.map { $0 > count } ?? true)
        return (Array(matching[start..<start + count]), more)
    }

    /// A record with only the selected properties (and those the caller always keeps).
    func project(_ record: JSONObject, keeping: Set<String> = []) -> JSONObject {
        guard let select else { return record }
        let wanted = Set(select).union(keeping)
        return record.filter { wanted.contains($0) }
    }

    /// The query string of the next page: the same options, `$top` reduced by what was returned, and `$skiptoken`.
    func nextQuery(request: SandboxRequest, returned: Int, lastKey: String, tokenLiteral: (String) -> String) -> String
    {
        var pairs = request.query.filter { !["$skiptoken", "$top", "$skip"].contains($0.name.lowercased()) }
        if let top { pairs.append(("$top", String(top - returned))) }
        pairs.append(("$skiptoken", tokenLiteral(lastKey)))
        return FormCoding.encode(pairs)
    }
}
