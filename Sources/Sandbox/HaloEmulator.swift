/// Halo's API: `/auth/token`, `/api/authinfo` and the accounting configuration collections under `/api`.
struct HaloEmulator: Sendable {
    /// The hosted rate limit (requests per rolling 5 minutes); nil is off.
    private var limiter: SlidingWindow?
    /// Fields POSTed that the collection does not know, dropped as Halo drops them: counts by path and field.
    private(set) var unknownFields: [String: [String: Int]] = [:]
    /// The matching records of the last list asked for, by collection and query but for the page: reading 100,000
    /// clients a page at a time would otherwise filter them all again for every page. Forgotten whenever anything
    /// else reaches the sandbox, as anything else may change the state.
    private var listing: (key: String, matches: [Int])?

    init(rateLimit: Int?) {
        limiter = rateLimit.map { SlidingWindow(limit: $0, window: 300) }
    }

    /// Forgets the cached list matches: the state may change.
    mutating func forgetListing() {
        listing = nil
    }

    /// Forgets the unknown fields counted so far.
    mutating func resetUnknownFields() {
        unknownFields = [:]
    }

    /// The unknown fields counted so far, for the stats: `{"/api/ExactDetails": {"import_tax_rates_daily": 2}}`.
    var unknownFieldsJSON: JSON {
        .object(
            JSONObject(
                unknownFields.keys.sorted().map { path in
                    let fields = unknownFields[path]!
                    return (path, .object(JSONObject(fields.keys.sorted().map { ($0, JSON.int(fields[$0]!)) })))
                }))
    }

    /// Changes the rate limit, starting a fresh window.
    mutating func setRateLimit(_ limit: Int?) {
        limiter = limit.map { SlidingWindow(limit: $0, window: 300) }
    }

    /// Answers one request below the root.
    mutating func respond(
        to request: SandboxRequest, state: inout SandboxState, now: Double, tokenLifetime: Double?
    ) -> SandboxAnswer {
        if var limiter {
            let refused = limiter.admit(now: now) != nil
            self.limiter = limiter
            if refused {
                return .text(429, "Rate Limit Reached - \(limiter.limit) Requests per rolling 5 minute window")
            }
        }
        let path = request.segments.map { $0.lowercased() }
        switch (request.method, path) {
        case ("POST", ["auth", "token"]), ("POST", ["token"]):
            return token(request, state: &state, now: now, lifetime: tokenLifetime ?? 3600)
        case ("GET", ["api", "authinfo"]):
            return .json(
                200,
                .object([
                    ("auth_url", .string("\(request.origin)/auth")), ("tenant_id", .string(state.halo.tenant)),
                ]))
        default:
            break
        }
        guard path.first == "api", path.count >= 2 else { return notFound(request) }
        guard let bearer = request.bearerToken, state.tokens.access(bearer, system: .halo, now: now) != nil else {
            return .json(
                401, .object([("message", "Authorization has been denied for this request.")]),
                headers: [("WWW-Authenticate", "Bearer")])
        }
        if path[1] == "control" && path.count == 2 {
            return control(request, state: &state)
        }
        guard let collection = HaloCollection.all[path[1]], path.count <= 3 else { return notFound(request) }
        if path.count == 3 {
            guard let id = Int(path[2]) else { return notFound(request) }
            switch request.method {
            case "GET": return getOne(collection, id: id, state: state)
            case "DELETE": return delete(collection, id: id, state: &state)
            default: return methodNotAllowed()
            }
        }
        switch request.method {
        case "GET": return list(collection, request: request, state: state)
        case "POST": return post(collection, request: request, state: &state)
        default: return methodNotAllowed()
        }
    }

    // MARK: Auth

    private func token(_ request: SandboxRequest, state: inout SandboxState, now: Double, lifetime: Double)
        -> SandboxAnswer
    {
        let form = request.form
        if let tenant = request.parameter("tenant"), !tenant.isEmpty,
            tenant.lowercased() != state.halo.tenant.lowercased()
        {
            return oauthError(400, "invalid_request", "Unknown tenant '\(tenant)'.")
        }
        guard form["grant_type"] == "client_credentials" else {
            return oauthError(
                400, "unsupported_grant_type", "Only the client_credentials grant is enabled for this application.")
        }
        guard let app = ClientCredentials(request: request).app(in: state.halo.apps) else {
            return oauthError(401, "invalid_client", "The client credentials are invalid.")
        }
        let scope = (form["scope"] ?? "all").trimming(" ")
        let known = Self.scopes
        for item in scope.split(separator: " ") where !known.contains(String(item)) {
            return oauthError(400, "invalid_scope", "The scope '\(item)' is not valid.")
        }
        let token = state.tokens.issue(
            .access, system: .halo, clientID: app.clientID, lifetime: lifetime, now: now,
            scope: scope.isEmpty ? "all" : scope)
        return SandboxAnswer.json(
            200,
            .object([
                ("scope", .string(token.scope)), ("token_type", "Bearer"), ("access_token", .string(token.value)),
                ("expires_in", .int(Int(lifetime))),
            ]),
            headers: [("Cache-Control", "no-store")]
        ).changingState()
    }

    /// The scopes Halo's token endpoint knows.
    static let scopes: Set<String> = {
        var scopes: Set<String> = [
            "all", "all:standard", "admin", "editMine:timesheets", "access:chat", "access:adpasswordreset",
        ]
        for area in [
            "tickets", "calendar", "customers", "crm", "timesheets", "contracts", "suppliers", "items", "projects",
            "sales",
            "quotes", "sos", "pos", "invoices", "reporting", "software", "softwarelicensing", "kb", "assets",
        ] {
            scopes.insert("read:\(area)")
            scopes.insert("edit:\(area)")
        }
        return scopes
    }()

    private func oauthError(_ status: Int, _ code: String, _ description: String) -> SandboxAnswer {
        .json(status, .object([("error", .string(code)), ("error_description", .string(description))]))
    }

    // MARK: Reads

    private func notFound(_ request: SandboxRequest) -> SandboxAnswer {
        .json(
            404,
            .object([
                ("message", .string("No HTTP resource was found that matches the request URI '\(request.rawPath)'."))
            ]))
    }

    private func methodNotAllowed() -> SandboxAnswer {
        .json(405, .object([("message", "The requested resource does not support this http method.")]))
    }

    /// The records a list or a GET by id reads: for ExternalLink, the stored links and the mappings embedded in the
    /// *Details records (Halo keeps both in one table), in id order.
    private func readable(_ collection: HaloCollection, state: SandboxState) -> [JSONObject] {
        let stored = state.halo.tables[collection.name]?.records ?? []
        guard collection.name == "ExternalLink" else { return stored }
        var embedded: [JSONObject] = []
        for details in ["ExactDetails", "BusinessCentralDetails", "SageBusinessCloudDetails"] {
            for record in state.halo.tables[details]?.records ?? [] {
                for field in ["client_mappings", "item_group_mappings"] {
                    embedded += (record[field]?.arrayValue ?? []).compactMap(\.objectValue)
                }
            }
        }
        guard !embedded.isEmpty else { return stored }
        return (stored + embedded).sorted { $0.recordID < $1.recordID }
    }

    private func getOne(_ collection: HaloCollection, id: Int, state: SandboxState) -> SandboxAnswer {
        let found =
            collection.name == "ExternalLink"
            ? readable(collection, state: state).first { $0.recordID == id }
            : state.halo.tables[collection.name]?.record(id)
        guard let record = found else {
            return .json(404, .object([("message", .string("\(collection.name) \(id) was not found."))]))
        }
        return .json(200, .object(Self.publicView(record)))
    }

    /// The positions of the records a list request's filters, search and order select.
    private func matching(_ collection: HaloCollection, records: [JSONObject], request: SandboxRequest) -> [Int] {
        var conditions: [(field: String, value: String)] = []
        for (parameter, field) in collection.filters {
            if let value = request.parameter(parameter), !value.isEmpty {
                conditions.append((field, value.lowercased()))
            }
        }
        let includeInactive = request.parameter("includeinactive")?.lowercased() == "true"
        let search = request.parameter("search")?.lowercased() ?? ""
        var enabledOnly: Bool?
        if collection.name == "Features" {
            if request.parameter("showenabled")?.lowercased() == "true" { enabledOnly = true }
            if request.parameter("showdisabled")?.lowercased() == "true" { enabledOnly = false }
        }
        var matches: [Int] = []
        matches.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            if collection.hidesInactive && !includeInactive && record["inactive"]?.boolValue == true { continue }
            if let enabledOnly, (record["enabled"]?.boolValue ?? false) != enabledOnly { continue }
            if !conditions.allSatisfy({ (record[$0.field]?.text.lowercased() ?? "") == $0.value }) { continue }
            if !search.isEmpty {
                let haystack = record["name"]?.stringValue ?? record["third_party_desc"]?.stringValue ?? ""
                if !haystack.lowercased().contains(search) { continue }
            }
            matches.append(index)
        }
        if let order = request.parameter("order"), !order.isEmpty {
            let descending = request.parameter("orderdesc")?.lowercased() == "true"
            matches.sort { left, right in
                let comparison = Self.compare(records[left][order], records[right][order])
                return descending ? comparison > 0 : comparison < 0
            }
        }
        return matches
    }

    private mutating func list(_ collection: HaloCollection, request: SandboxRequest, state: SandboxState)
        -> SandboxAnswer
    {
        let records = readable(collection, state: state)
        let listingKey =
            collection.name + "?"
            + request.query
            .filter { !["page_no", "page_size"].contains($0.name.lowercased()) }
            .map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        var matches =
            listing.flatMap { $0.key == listingKey ? $0.matches : nil }
            ?? matching(collection, records: records, request: request)
        listing = (listingKey, matches)
        let total = matches.count
        var envelope: [(String, JSON)] = []
        if request.parameter("pageinate")?.lowercased() == "true" {
            let size = max(1, Int(request.parameter("page_size") ?? "") ?? 50)
            let page = max(1, Int(request.parameter("page_no") ?? "") ?? 1)
            let start = min(total, (page - 1) * size)
            matches = Array(matches[start..<min(total, start + size)])
            envelope = [("page_no", .int(page)), ("page_size", .int(size))]
        } else if let count = Int(request.parameter("count") ?? ""), count >= 0 {
            matches = Array(matches.prefix(count))
        }
        let page = JSON.array(matches.map { .object(Self.publicView(records[$0])) })
        guard let key = collection.listKey else { return .json(200, page) }
        return .json(200, .object(JSONObject(envelope + [("record_count", .int(total)), (key, page)])))
    }

    /// Orders two field values: numbers numerically, anything else as case-insensitive text; absent first.
    static func compare(_ left: JSON?, _ right: JSON?) -> Int {
        if let left = left?.doubleValue, let right = right?.doubleValue {
            return left < right ? -1 : (left > right ? 1 : 0)
        }
        let leftText = left?.text.lowercased() ?? ""
        let rightText = right?.text.lowercased() ?? ""
        return leftText < rightText ? -1 : (leftText > rightText ? 1 : 0)
    }

    /// A record as GET shows it: write-only `new_*` secrets left out, also inside embedded objects.
    static func publicView(_ record: JSONObject) -> JSONObject {
        guard record.members.contains(where: { $0.key.hasPrefix("new_") || $0.value.arrayValue != nil }) else {
            return record
        }
        var view = record.filter { !$0.hasPrefix("new_") }
        for index in view.members.indices {
            if case .array(let elements) = view.members[index].value,
                elements.contains(where: { $0.objectValue != nil })
            {
                view.members[index].value = .array(
                    elements.map { $0.objectValue.map { .object(publicView($0)) } ?? $0 })
            }
        }
        return view
    }

    // MARK: Writes

    private func delete(_ collection: HaloCollection, id: Int, state: inout SandboxState) -> SandboxAnswer {
        guard let index = state.halo.tables[collection.name]?.index(of: id) else {
            return .json(404, .object([("message", .string("\(collection.name) \(id) was not found."))]))
        }
        let record = state.halo.tables[collection.name]!.records.remove(at: index)
        return SandboxAnswer.json(200, .object(Self.publicView(record))).changingState()
    }

    private mutating func post(_ collection: HaloCollection, request: SandboxRequest, state: inout SandboxState)
        -> SandboxAnswer
    {
        let elements: [JSON]
        switch request.jsonBody() {
        case .failure(let failure):
            return validationError([("", ["The request body is not valid JSON: \(failure)"])])
        case .success(let body):
            guard let array = body.arrayValue else {
                return validationError([("", ["The request body must be a JSON array of \(collection.name) objects."])])
            }
            elements = array
        }
        var errors: [(String, [String])] = []
        for (position, element) in elements.enumerated() {
            errors += validate(element, at: position, in: collection, state: state)
        }
        guard errors.isEmpty else { return validationError(errors) }
        var saved: [JSON] = []
        for element in elements {
            let known = knownFields(of: element.objectValue!, in: collection)
            saved.append(.object(Self.publicView(save(known, in: collection, state: &state))))
        }
        let answer: SandboxAnswer = saved.count == 1 ? .json(200, saved[0]) : .json(200, .array(saved))
        return answer.changingState()
    }

    /// An element with only the fields the collection knows (in its mappings too): the rest are counted and dropped,
    /// and `_*` action flags are never stored.
    private mutating func knownFields(of element: JSONObject, in collection: HaloCollection) -> JSONObject {
        var known = keep(element, fields: collection.fields, path: "/api/\(collection.name)", prefix: "")
        for list in collection.embedded {
            guard let entries = known[list.field]?.arrayValue else { continue }
            known[list.field] = .array(
                entries.map { entry in
                    entry.objectValue.map {
                        .object(
                            keep($0, fields: list.fields, path: "/api/\(collection.name)", prefix: "\(list.field)[]."))
                    } ?? entry
                })
        }
        if let connection = collection.connection {
            known = known.filter { $0 != connection.authorized && $0 != connection.expiry }
        }
        let linkFields = HaloCollection.all["externallink"]!.fields
        for mapping in collection.mappings {
            guard let entries = known[mapping.field]?.arrayValue else { continue }
            known[mapping.field] = .array(
                entries.map { entry in
                    entry.objectValue.map {
                        .object(
                            keep($0, fields: linkFields, path: "/api/\(collection.name)", prefix: "\(mapping.field)[].")
                        )
                    } ?? entry
                })
        }
        return known
    }

    /// The members of `object` that `fields` names, counting each other one (but `_*` flags) under `path`.
    private mutating func keep(
        _ object: JSONObject, fields: [String: HaloCollection.FieldType], path: String, prefix: String
    ) -> JSONObject {
        object.filter { key in
            if key.hasPrefix("_") { return false }
            if fields[key] != nil { return true }
            unknownFields[path, default: [:]][prefix + key, default: 0] += 1
            return false
        }
    }

    private func validationError(_ errors: [(String, [String])]) -> SandboxAnswer {
        .json(
            400,
            .object([
                ("type", "https://tools.ietf.org/html/rfc7231#section-6.5.1"),
                ("title", "One or more validation errors occurred."), ("status", 400),
                ("errors", .object(JSONObject(errors.map { ($0.0, .array($0.1.map(JSON.string))) }))),
            ]))
    }

    private func validate(_ element: JSON, at position: Int, in collection: HaloCollection, state: SandboxState)
        -> [(String, [String])]
    {
        let path = "[\(position)]"
        guard let object = element.objectValue else {
            return [(path, ["Each element must be a \(collection.name) object."])]
        }
        var errors: [(String, [String])] = []
        for member in object.members {
            if let type = collection.fields[member.key], !type.accepts(member.value) {
                errors.append(("\(path).\(member.key)", ["The value of '\(member.key)' must be \(type.rawValue)."]))
            }
        }
        if let id = object["id"]?.intValue, id > 0, state.halo.tables[collection.name]?.index(of: id) == nil {
            errors.append(("\(path).id", ["There is no \(collection.name) with id \(id)."]))
        }
        for link in collection.links {
            guard case .record(let field, let target, _) = link, let id = object[field]?.intValue, id > 0 else {
                continue
            }
            if state.halo.tables[target]?.index(of: id) == nil {
                errors.append(("\(path).\(field)", ["There is no \(target) with id \(id)."]))
            }
        }
        for list in collection.embedded {
            for (index, entry) in (object[list.field]?.arrayValue ?? []).enumerated() {
                let entryPath = "\(path).\(list.field)[\(index)]"
                guard let fields = entry.objectValue else {
                    errors.append((entryPath, ["Each entry must be an object."]))
                    continue
                }
                for member in fields.members {
                    if let type = list.fields[member.key], !type.accepts(member.value) {
                        errors.append(
                            ("\(entryPath).\(member.key)", ["The value of '\(member.key)' must be \(type.rawValue)."]))
                    }
                }
                for link in list.taxLinks {
                    if let id = fields[link.field]?.intValue, id > 0, state.halo.tables["Tax"]?.index(of: id) == nil {
                        errors.append(("\(entryPath).\(link.field)", ["There is no Tax with id \(id)."]))
                    }
                }
            }
        }
        for mapping in collection.mappings {
            guard let value = object[mapping.field], !value.isNull else { continue }
            guard let entries = value.arrayValue else { continue }
            for (index, entry) in entries.enumerated() {
                let entryPath = "\(path).\(mapping.field)[\(index)]"
                guard let link = entry.objectValue else {
                    errors.append((entryPath, ["Each mapping must be an ExternalLink object."]))
                    continue
                }
                let linkFields = HaloCollection.all["externallink"]!.fields
                for member in link.members {
                    if let type = linkFields[member.key], !type.accepts(member.value) {
                        errors.append(
                            ("\(entryPath).\(member.key)", ["The value of '\(member.key)' must be \(type.rawValue)."]))
                    }
                }
                if let haloID = link["halo_id"]?.intValue, haloID > 0,
                    state.halo.tables[mapping.target]?.index(of: haloID) == nil
                {
                    errors.append(("\(entryPath).halo_id", ["There is no \(mapping.target) with id \(haloID)."]))
                }
            }
        }
        return errors
    }

    /// Inserts or merges one validated element and returns the stored record. It changes the table in place, with
    /// no second reference to its records, so a large table is not copied per element.
    private func save(_ fields: JSONObject, in collection: HaloCollection, state: inout SandboxState) -> JSONObject {
        var record: JSONObject
        let index: Int
        var enablesBusinessCentral = false
        if let id = fields["id"]?.intValue, id > 0, let found = state.halo.tables[collection.name]?.index(of: id) {
            index = found
            record = state.halo.tables[collection.name]!.records[found]
            let wasEnabled = record["enabled"]?.boolValue ?? false
            record.merge(fields.filter { $0 != "id" })
            enablesBusinessCentral =
                collection.name == "Features" && !wasEnabled && record["enabled"]?.boolValue == true
                && record["module_name"]?.stringValue == "Business Central"
        } else {
            var fields = fields
            if let connection = collection.connection {
                fields[connection.authorized] = .bool(false)
                fields[connection.expiry] = .null
            }
            record = state.halo.tables[collection.name, default: HaloTable()].insert(fields)
            index = state.halo.tables[collection.name]!.records.count - 1
        }
        for mapping in collection.mappings {
            guard let entries = record[mapping.field]?.arrayValue else { continue }
            var links: [JSON] = []
            for entry in entries {
                var link = entry.objectValue ?? JSONObject()
                if (link["id"]?.intValue ?? 0) <= 0 {
                    let id = state.halo.tables["ExternalLink", default: HaloTable()].claimID()
                    var fresh = JSONObject([("id", .int(id))])
                    fresh.merge(link.filter { $0 != "id" })
                    link = fresh
                }
                if link["table_id"] == nil, let tableID = mapping.defaultTableID { link["table_id"] = .int(tableID) }
                link["details_id"] = .int(record.recordID)
                if let haloID = link["halo_id"]?.intValue, (link["halo_desc"]?.stringValue ?? "").isEmpty,
                    let name = state.halo.tables[mapping.target]?.record(haloID)?["name"]
                {
                    link["halo_desc"] = name
                }
                links.append(.object(link))
            }
            record[mapping.field] = .array(links)
        }
        let parentID = record.recordID
        for list in collection.embedded {
            guard let entries = record[list.field]?.arrayValue else { continue }
            record[list.field] = .array(
                entries.map { entry in
                    var fields = entry.objectValue ?? JSONObject()
                    if (fields["id"]?.intValue ?? 0) <= 0 {
                        var fresh = JSONObject([
                            (
                                "id",
                                .int(
                                    state.halo.tables["\(collection.name).\(list.field)", default: HaloTable()]
                                        .claimID())
                            )
                        ])
                        fresh.merge(fields.filter { $0 != "id" })
                        fields = fresh
                    }
                    fields[list.parentField] = .int(parentID)
                    for link in list.taxLinks {
                        guard let id = fields[link.field]?.intValue else { continue }
                        fields[link.companion] =
                            id > 0 ? (state.halo.tables["Tax"]?.record(id)?["name"] ?? .null) : .string("")
                    }
                    return .object(fields)
                })
        }
        fillCompanions(&record, collection: collection, state: state)
        state.halo.tables[collection.name]!.records[index] = record
        if enablesBusinessCentral { Self.zeroTaxes(state: &state) }
        return record
    }

    /// Sets each `*_name` companion from its id (removing it when the id is cleared).
    private func fillCompanions(_ record: inout JSONObject, collection: HaloCollection, state: SandboxState) {
        for link in collection.links {
            switch link {
            case .record(let field, let target, let companion):
                guard let value = record[field] else { continue }
                let id = value.intValue ?? 0
                record[companion] = id > 0 ? (state.halo.tables[target]?.record(id)?["name"] ?? .null) : .string("")
            case .exactDivision(let field, let companion):
                guard let code = record[field]?.intValue else { continue }
                let division = state.exactOnline.tenants.first { $0["Code"]?.intValue == code }
                record[companion] = division?["Description"] ?? .string("")
            case .businessCentralCompany(let field, let companion):
                guard let id = record[field]?.stringValue, !id.isEmpty else { continue }
                if let company = state.businessCentral.tenants.first(where: { $0["id"]?.stringValue == id }) {
                    record[companion] = company["name"]
                }
            case .businessCentralEntity(let field, let set, let companion):
                guard let number = record[field]?.stringValue, !number.isEmpty,
                    let company = (record["company_id"] ?? record["dbc_company_id"])?.stringValue,
                    let entity = state.businessCentral.entities[company]?[set.lowercased()]?.first(where: {
                        $0["number"]?.stringValue == number
                    })
                else { continue }
                record[companion] = entity["displayName"]
            }
        }
    }

    /// What enabling Business Central does in Halo: every customer's and item's tax set to zero.
    private static func zeroTaxes(state: inout SandboxState) {
        let clientTaxFields = [
            "sales_tax_code", "purchase_tax_code", "item_tax_code", "service_tax_code", "prepay_tax_code",
            "contract_tax_code",
        ]
        if var clients = state.halo.tables["Client"] {
            for index in clients.records.indices {
                for field in clientTaxFields where clients.records[index][field] != nil {
                    clients.records[index][field] = .int(0)
                }
            }
            state.halo.tables["Client"] = clients
        }
        if var items = state.halo.tables["Item"] {
            for index in items.records.indices where items.records[index]["taxcode"] != nil {
                items.records[index]["taxcode"] = .int(0)
                items.records[index]["taxcode_name"] = .string("")
            }
            state.halo.tables["Item"] = items
        }
    }

    // MARK: Connections

    /// What a person does in Halo's UI with "Connect Now" or "Authorize Application" (and with disconnecting):
    /// `{"collection": "ExactDetails", "name": "exact-nl"}` (or `"id"`), with `"connected": false` to disconnect and
    /// `"expires_in": SECONDS` for the token's lifetime from now (30 days unless given; negative for one already
    /// expired). Answers the tenant record as GET shows it.
    static func connect(_ body: JSON, state: inout SandboxState, now: Double) -> SandboxAnswer {
        func refuse(_ message: String) -> SandboxAnswer { .json(400, .object([("error", .string(message))])) }
        guard let request = body.objectValue, let name = request["collection"]?.stringValue,
            let collection = HaloCollection.all[name.lowercased()], let connection = collection.connection
        else {
            return refuse(
                "connect takes {\"collection\": \"ExactDetails|BusinessCentralDetails|SageBusinessCloudDetails\", \"name\" or \"id\"}"
            )
        }
        let records = state.halo.tables[collection.name]?.records ?? []
        let index = records.firstIndex { record in
            if let id = request["id"]?.intValue { return record.recordID == id }
            return record["name"]?.stringValue == request["name"]?.stringValue
        }
        guard let index else {
            return .json(404, .object([("error", .string("no \(collection.name) record matches"))]))
        }
        var record = records[index]
        if request["connected"]?.boolValue == false {
            record[connection.authorized] = .bool(false)
            record[connection.expiry] = .null
        } else {
            let lifetime = request["expires_in"]?.doubleValue ?? 30 * 86_400
            record[connection.authorized] = .bool(true)
            record[connection.expiry] = .string(ISODate.format(milliseconds: Int(((now + lifetime) * 1000).rounded())))
        }
        state.halo.tables[collection.name]!.records[index] = record
        return SandboxAnswer.json(200, .object(publicView(record))).changingState()
    }

    // MARK: Control

    private mutating func control(_ request: SandboxRequest, state: inout SandboxState) -> SandboxAnswer {
        switch request.method {
        case "GET":
            return .json(200, .object(Self.publicView(state.halo.control)))
        case "POST":
            guard case .success(let body) = request.jsonBody() else {
                return validationError([("", ["The request body is not valid JSON."])])
            }
            let elements = body.arrayValue ?? []
            guard body.arrayValue != nil, elements.allSatisfy({ $0.objectValue != nil }) else {
                return validationError([("", ["The request body must be a JSON array of Control objects."])])
            }
            var errors: [(String, [String])] = []
            for (position, element) in elements.enumerated() {
                for member in element.objectValue!.members {
                    if let type = HaloCollection.controlFields[member.key], !type.accepts(member.value) {
                        errors.append(
                            ("[\(position)].\(member.key)", ["The value of '\(member.key)' must be \(type.rawValue)."]))
                    }
                }
            }
            guard errors.isEmpty else { return validationError(errors) }
            for element in elements {
                let known = keep(
                    element.objectValue!, fields: HaloCollection.controlFields, path: "/api/Control", prefix: "")
                state.halo.control.merge(known.filter { $0 != "id" })
            }
            return SandboxAnswer.json(200, .object(Self.publicView(state.halo.control))).changingState()
        default:
            return methodNotAllowed()
        }
    }
}
