/// Sage Business Cloud Accounting's API v3.1 and its OAuth endpoints, below `/sage`: `/oauth2/auth/central`
/// (authorize), `/token`, `/revoke`, and `/v3.1/...`.
struct SageEmulator: Sendable {
    /// The business-scoped collections, with the singular root key their writes are wrapped in.
    static let collections: [String: String] = [
        "contacts": "contact", "contact_types": "contact_type", "products": "product", "services": "service",
        "tax_rates": "tax_rate", "ledger_accounts": "ledger_account", "catalog_item_types": "catalog_item_type",
    ]

    /// Collections that accept POST, PUT and DELETE.
    static let writable: Set<String> = ["contacts", "products", "services"]

    static let flow = AuthorizationCodeFlow(
        system: .sage, accessLifetime: 300, refreshLifetime: 2_678_400, codeLifetime: 60, earlyRefreshMargin: nil,
        earlyRefreshMessage: "")

    private var limit: Int?
    private var limiters: [String: SlidingWindow] = [:]

    init(rateLimit: Int?) {
        limit = rateLimit
    }

    /// Changes the limit, starting fresh windows.
    mutating func setRateLimit(_ limit: Int?) {
        self.limit = limit
        limiters = [:]
    }

    /// Sage's error array `[{"$severity","$dataCode","$message","$source"}]`.
    static func error(_ status: Int, _ code: String, _ message: String, source: String = "") -> SandboxAnswer {
        .json(
            status,
            .array([
                .object([
                    ("$severity", "error"), ("$dataCode", .string(code)), ("$message", .string(message)),
                    ("$source", .string(source)),
                ])
            ]))
    }

    /// Answers one request below `/sage`.
    mutating func respond(to request: SandboxRequest, state: inout SandboxState, now: Double, tokenLifetime: Double?)
        -> SandboxAnswer
    {
        let path = request.segments
        switch (request.method, path) {
        case ("GET", ["oauth2", "auth", "central"]):
            // Any hinted user signs in: Sage's sandbox knows no user list, and the user's id is the hint.
            return Self.flow.authorize(
                request, apps: state.sage.apps, tokens: &state.tokens, now: now, extra: [("country", "GB")]
            ) {
                $0 ?? ""
            }
        case ("POST", ["token"]):
            switch Self.flow.token(
                request, apps: state.sage.apps, tokens: &state.tokens, now: now, lifetime: tokenLifetime)
            {
            case .success(let grant):
                var random = StableRandom(named: grant.access.clientID)
                return SandboxAnswer.json(
                    200,
                    .object([
                        ("access_token", .string(grant.access.value)),
                        ("scope", .string(grant.access.scope.isEmpty ? "full_access" : grant.access.scope)),
                        ("token_type", "bearer"),
                        ("expires_in", .int(Int(grant.access.expiresAt - grant.access.issuedAt))),
                        ("refresh_token", .string(grant.refresh.value)),
                        ("refresh_token_expires_in", .int(Int(grant.refresh.expiresAt - grant.refresh.issuedAt))),
                        ("requested_by_id", .string(grant.access.user.isEmpty ? random.guid() : grant.access.user)),
                    ])
                ).changingState()
            case .failure(let failure):
                var body: [(String, JSON)] = [("error", .string(failure.code))]
                if failure.code != "invalid_grant" { body.append(("error_description", .string(failure.description))) }
                return SandboxAnswer.json(failure.status, .object(JSONObject(body)))
            }
        case ("POST", ["revoke"]):
            if let token = request.form["token"], let issued = state.tokens.token(token), issued.system == .sage {
                state.tokens.revoke(token)
            }
            return SandboxAnswer.json(200, .object([:])).changingState()
        default:
            break
        }
        guard path.first == "v3.1", path.count >= 2 else {
            return Self.error(404, "RecordNotFound", "The requested resource was not found.")
        }
        guard let bearer = request.bearerToken, state.tokens.access(bearer, system: .sage, now: now) != nil else {
            return Self.error(
                401, "AuthenticationFailed", "Authentication failed: the access token is invalid or expired.")
        }
        let collection = path[1]
        if collection == "businesses" {
            let businesses = state.sage.tenants.map { $0.filter { !$0.hasPrefix("_") } }
            if path.count == 3 {
                guard let business = businesses.first(where: { $0["id"]?.stringValue == path[2] }) else {
                    return Self.error(404, "RecordNotFound", "Business not found.")
                }
                return .json(200, .object(business))
            }
            return list(request, records: businesses, collection: collection)
        }
        let businessID: String
        if let header = request.header("x-business"), !header.isEmpty {
            guard state.sage.tenants.contains(where: { $0["id"]?.stringValue == header }) else {
                return Self.error(
                    403, "BusinessNotFound", "The business '\(header)' does not exist or you have no access to it.",
                    source: "X-Business")
            }
            businessID = header
        } else {
            businessID = state.sage.tenants.first { $0["_lead"]?.boolValue == true }?["id"]?.stringValue ?? ""
        }
        if let limit {
            var window = limiters[businessID] ?? SlidingWindow(limit: limit, window: 60)
            let refused = window.admit(now: now) != nil
            limiters[businessID] = window
            if refused {
                return Self.error(
                    429, "TooManyRequests", "Too many requests for this business. Please try again later.")
            }
        }
        guard let root = Self.collections[collection], path.count <= 3 else {
            return Self.error(404, "RecordNotFound", "The requested resource was not found.")
        }
        let records = state.sage.entities[businessID]?[collection] ?? []
        let index = path.count == 3 ? records.firstIndex { $0["id"]?.stringValue == path[2] } : nil
        if path.count == 3, index == nil {
            return Self.error(
                404, "RecordNotFound", "The requested \(root.replacingOccurrences(of: "_", with: " ")) was not found.")
        }
        switch (request.method, index) {
        case ("GET", nil):
            return list(
                request, records: filtered(records, collection: collection, request: request), collection: collection)
        case ("GET", let index?):
            return .json(200, .object(records[index]))
        case ("POST", nil) where Self.writable.contains(collection):
            guard case .success(let body) = request.jsonBody(), let fields = body[root]?.objectValue else {
                return Self.error(
                    422, "RecordInvalid", "The request body must wrap the \(root) in a '\(root)' key.", source: root)
            }
            if collection == "contacts", (fields["name"]?.stringValue ?? "").isEmpty {
                return Self.error(422, "RecordInvalid", "can't be blank", source: "name")
            }
            if collection != "contacts", (fields["description"]?.stringValue ?? "").isEmpty {
                return Self.error(422, "RecordInvalid", "can't be blank", source: "description")
            }
            var random = StableRandom(seed: UInt64(now * 1_000_000) ^ UInt64(records.count))
            let id = random.hex32()
            let stamp = JSON.string(ISODate.format(milliseconds: Int(now * 1000), fractional: false))
            let label =
                collection == "contacts"
                ? "\(fields["name"]?.stringValue ?? "") (\(fields["reference"]?.stringValue ?? ""))"
                : fields["description"]?.stringValue ?? ""
            var record = JSONObject([
                ("id", .string(id)), ("displayed_as", .string(label)), ("$path", .string("/\(collection)/\(id)")),
                ("created_at", stamp), ("updated_at", stamp),
            ])
            record.merge(fields.filter { $0 != "id" })
            state.sage.entities[businessID, default: [:]][collection, default: []].append(record)
            return SandboxAnswer.json(201, .object(record)).changingState()
        case ("PUT", let index?) where Self.writable.contains(collection):
            guard case .success(let body) = request.jsonBody(), let fields = body[root]?.objectValue else {
                return Self.error(
                    422, "RecordInvalid", "The request body must wrap the \(root) in a '\(root)' key.", source: root)
            }
            var record = records[index]
            record.merge(fields.filter { $0 != "id" })
            record["updated_at"] = .string(ISODate.format(milliseconds: Int(now * 1000), fractional: false))
            state.sage.entities[businessID]![collection]![index] = record
            return SandboxAnswer.json(200, .object(record)).changingState()
        case ("DELETE", let index?) where Self.writable.contains(collection):
            state.sage.entities[businessID]![collection]!.remove(at: index)
            return SandboxAnswer.empty(204).changingState()
        default:
            return Self.error(405, "MethodNotAllowed", "The method \(request.method) is not allowed for \(collection).")
        }
    }

    /// The records a list's filters keep.
    private func filtered(_ records: [JSONObject], collection: String, request: SandboxRequest) -> [JSONObject] {
        let contactType = request.parameter("contact_type_id")?.uppercased()
        let search = request.parameter("search")?.lowercased() ?? ""
        let active = request.parameter("active")?.lowercased()
        let since = request.parameter("updated_or_created_since").flatMap(ISODate.parse)
        let ledgerType = request.parameter("ledger_account_type_id")?.uppercased()
        let visibleIn = request.parameter("visible_in")?.lowercased()
        let email = request.parameter("email")?.lowercased()
        return records.filter { record in
            if let contactType, collection == "contacts",
                !(record["contact_types"]?.arrayValue ?? []).contains(where: { $0["id"]?.stringValue == contactType })
            {
                return false
            }
            if !search.isEmpty {
                let fields = ["name", "reference", "displayed_as", "item_code", "description"]
                if !fields.contains(where: { (record[$0]?.stringValue ?? "").lowercased().contains(search) }) {
                    return false
                }
            }
            if let active, record["active"] != nil, (record["active"]?.boolValue ?? true) != (active == "true") {
                return false
            }
            if let since, let updated = record["updated_at"]?.stringValue.flatMap(ISODate.parse), updated < since {
                return false
            }
            if let ledgerType, record["ledger_account_type"]?["id"]?.stringValue != ledgerType { return false }
            if let visibleIn, record["visible_in_\(visibleIn)"]?.boolValue == false { return false }
            if let email, (record["email"]?.stringValue ?? "").lowercased() != email { return false }
            return true
        }
    }

    /// The `$total/$page/$next/$back/$itemsPerPage/$items` envelope.
    private func list(_ request: SandboxRequest, records: [JSONObject], collection: String) -> SandboxAnswer {
        var perPage = 20
        if let text = request.parameter("items_per_page") {
            guard let value = Int(text), (1...200).contains(value) else {
                return Self.error(
                    422, "InvalidParameter", "items_per_page must be a number between 1 and 200.",
                    source: "items_per_page")
            }
            perPage = value
        }
        var page = 1
        if let text = request.parameter("page") {
            guard let value = Int(text), value >= 1 else {
                return Self.error(422, "InvalidParameter", "page must be a positive number.", source: "page")
            }
            page = value
        }
        let total = records.count
        let lastPage = max(1, (total + perPage - 1) / perPage)
        page = min(page, lastPage)
        let start = (page - 1) * perPage
        let slice = records[min(start, total)..<min(start + perPage, total)]
        let attributes = request.parameter("attributes") ?? ""
        let base: Set<String> = ["id", "displayed_as", "$path"]
        let wanted: Set<String>? =
            attributes.lowercased() == "all"
            ? nil : base.union(attributes.split(separator: ",").map { String($0).trimming(" ") })
        let items = slice.map { record in
            JSON.object(wanted.map { keep in record.filter { keep.contains($0) } } ?? record)
        }
        let others = request.query.filter { !["page", "items_per_page"].contains($0.name.lowercased()) }
        func link(_ number: Int) -> JSON {
            .string(
                "/\(collection)?"
                    + FormCoding.encode([("page", String(number)), ("items_per_page", String(perPage))] + others))
        }
        return .json(
            200,
            .object([
                ("$total", .int(total)), ("$page", .int(page)), ("$next", page < lastPage ? link(page + 1) : .null),
                ("$back", page > 1 ? link(page - 1) : .null), ("$itemsPerPage", .int(perPage)),
                ("$items", .array(items)),
            ]))
    }
}
