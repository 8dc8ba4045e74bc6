/// Exact Online's REST API v1 and OAuth 2.0 endpoints, below `/exact-online`.
struct ExactEmulator: Sendable {
    /// An entity set: its canonical path, OData type and key property.
    struct EntitySet: Sendable {
        let path: String
        let type: String
        let key: String
    }

    /// The entity sets served under `/api/v1/{division}/`, by lower-cased path.
    static let entitySets: [String: EntitySet] = Dictionary(
        uniqueKeysWithValues: [
            EntitySet(path: "crm/Accounts", type: "Exact.Web.Api.Models.Account", key: "ID"),
            EntitySet(path: "logistics/ItemGroups", type: "Exact.Web.Api.Models.Logistics.ItemGroup", key: "ID"),
            EntitySet(path: "logistics/Items", type: "Exact.Web.Api.Models.Logistics.Item", key: "ID"),
            EntitySet(path: "financial/GLAccounts", type: "Exact.Web.Api.Models.GLAccount", key: "ID"),
            EntitySet(path: "vat/VATCodes", type: "Exact.Web.Api.Models.VATCode", key: "ID"),
            EntitySet(path: "hrm/Divisions", type: "Exact.Web.Api.Models.HRM.Division", key: "Code"),
            EntitySet(path: "system/Divisions", type: "Exact.Web.Api.Models.System.Division", key: "Code"),
        ].map { ($0.path.lowercased(), $0) })

    static let flow = AuthorizationCodeFlow(
        system: .exactOnline, accessLifetime: 600, refreshLifetime: 30 * 86_400, codeLifetime: 180,
        earlyRefreshMargin: 30,
        earlyRefreshMessage: "Access token not expired")

    private var limit: ExactRateLimit?
    private var minutely: [String: FixedWindow] = [:]
    private var daily: [String: FixedWindow] = [:]

    init(rateLimit: ExactRateLimit?) {
        limit = rateLimit
    }

    /// Changes the limits, starting fresh windows.
    mutating func setRateLimit(_ limit: ExactRateLimit?) {
        self.limit = limit
        minutely = [:]
        daily = [:]
    }

    /// Exact's error body: `{"error":{"code":"","message":{"lang":"","value":…}}}`.
    static func error(_ status: Int, _ message: String) -> SandboxAnswer {
        .json(
            status,
            .object([
                ("error", .object([("code", ""), ("message", .object([("lang", ""), ("value", .string(message))]))]))
            ]))
    }

    /// Answers one request below `/exact-online`.
    mutating func respond(to request: SandboxRequest, state: inout SandboxState, now: Double, tokenLifetime: Double?)
        -> SandboxAnswer
    {
        let path = request.segments
        let lowered = path.map { $0.lowercased() }
        if lowered == ["api", "oauth2", "auth"], request.method == "GET" {
            let users = Self.users(state)
            return Self.flow.authorize(request, apps: state.exactOnline.apps, tokens: &state.tokens, now: now) { hint in
                let hinted = hint.flatMap { hint in
                    users.first { user in
                        [user["UserName"], user["UserID"]].contains {
                            $0?.stringValue?.lowercased() == hint.lowercased()
                        }
                    }
                }
                return (hinted ?? users[0])["UserID"]?.stringValue ?? ""
            }
        }
        if lowered == ["api", "oauth2", "token"], request.method == "POST" {
            switch Self.flow.token(
                request, apps: state.exactOnline.apps, tokens: &state.tokens, now: now, lifetime: tokenLifetime)
            {
            case .success(let grant):
                return SandboxAnswer.json(
                    200,
                    .object([
                        ("access_token", .string(grant.access.value)), ("token_type", "bearer"),
                        ("expires_in", .string(String(Int(grant.access.expiresAt - grant.access.issuedAt)))),
                        ("refresh_token", .string(grant.refresh.value)),
                    ]),
                    headers: [("Cache-Control", "no-store")]
                ).changingState()
            case .failure(let failure):
                return SandboxAnswer.json(
                    failure.status,
                    .object([("error", .string(failure.code)), ("error_description", .string(failure.description))]))
            }
        }
        guard lowered.count >= 3, lowered[0] == "api", lowered[1] == "v1" else {
            return Self.error(404, "The requested resource was not found.")
        }
        guard let bearer = request.bearerToken, let token = state.tokens.access(bearer, system: .exactOnline, now: now)
        else {
            return Self.error(401, "Access token is invalid or expired.").adding(header: "WWW-Authenticate", "Bearer")
        }
        let divisionText =
            lowered[2] == "current"
            ? String(state.exactOnline.settings["me"]?["CurrentDivision"]?.intValue ?? 0) : path[2]
        let counterKey = "\(token.clientID)|\(divisionText)"
        var rateHeaders: [(String, String)] = []
        if let limit {
            var minute = minutely[counterKey] ?? FixedWindow(limit: limit.minutely, length: 60)
            var day = daily[counterKey] ?? FixedWindow(limit: limit.daily, length: 86_400)
            let admitted = day.remaining(now: now) > 0 && minute.remaining(now: now) > 0
            if admitted {
                _ = minute.admit(now: now)
                _ = day.admit(now: now)
            }
            minutely[counterKey] = minute
            daily[counterKey] = day
            rateHeaders = [
                ("X-RateLimit-Limit", String(limit.daily)), ("X-RateLimit-Remaining", String(day.remaining(now: now))),
                ("X-RateLimit-Reset", String(Int(day.reset(now: now) * 1000))),
                ("X-RateLimit-Minutely-Limit", String(limit.minutely)),
                ("X-RateLimit-Minutely-Remaining", String(minute.remaining(now: now))),
                ("X-RateLimit-Minutely-Reset", String(Int(minute.reset(now: now) * 1000))),
            ]
            if !admitted {
                var answer = Self.error(429, "API rate limit exceeded.")
                answer.headers += rateHeaders
                return answer
            }
        }
        var answer = resource(request, lowered: lowered, token: token, state: &state, now: now)
        answer.headers += rateHeaders
        return answer
    }

    /// The users who can sign in: the seed's `me` first (whom a login without a hint signs in as), then `users`.
    static func users(_ state: SandboxState) -> [JSONObject] {
        let settings = state.exactOnline.settings
        let others = settings["users"]?.arrayValue?.compactMap(\.objectValue) ?? []
        return [settings["me"]?.objectValue ?? JSONObject()] + others
    }

    private func resource(
        _ request: SandboxRequest, lowered: [String], token: IssuedToken, state: inout SandboxState, now: Double
    ) -> SandboxAnswer {
        let root = request.systemRoot
        if lowered.count == 4, lowered[2] == "current", lowered[3] == "me" {
            guard request.method == "GET" else { return Self.error(405, "Method not allowed.") }
            let me = Self.users(state).first { $0["UserID"]?.stringValue == token.user } ?? Self.users(state)[0]
            let query: ODataQuery
            do { query = try ODataQuery(request: request) } catch { return Self.error(400, error.message) }
            let uri = "\(root)/api/v1/current/Me(guid'\(me["UserID"]?.stringValue ?? "")')"
            return .json(
                200,
                .object([
                    (
                        "d",
                        .object([
                            (
                                "results",
                                .array([
                                    .object(
                                        Self.withMetadata(query.project(me), uri: uri, type: "Exact.Web.Api.System.Me"))
                                ])
                            )
                        ])
                    )
                ]))
        }
        guard let division = Int(lowered[2]),
            state.exactOnline.tenants.contains(where: { $0["Code"]?.intValue == division })
        else {
            return Self.error(403, "Forbidden: you have no access to division \(lowered[2]).")
        }
        var rest = Array(lowered.dropFirst(3))
        var original = Array(request.segments.dropFirst(3))
        let bulk = rest.first == "bulk"
        if bulk {
            rest.removeFirst()
            original.removeFirst()
        }
        let countOnly = rest.last == "$count"
        if countOnly {
            rest.removeLast()
            original.removeLast()
        }
        guard rest.count == 2 else { return Self.error(404, "The requested resource was not found.") }
        var entityName = rest[1]
        var key: String?
        if let open = entityName.firstIndex(of: "("), entityName.hasSuffix(")") {
            var literal = String(
                entityName[entityName.index(after: open)..<entityName.index(before: entityName.endIndex)])
            if literal.hasPrefix("guid'") { literal = String(literal.dropFirst(5)) }
            key = literal.trimming("'")
            entityName = String(entityName[..<open])
        }
        guard let set = Self.entitySets["\(rest[0])/\(entityName)"] else {
            return Self.error(404, "The requested resource was not found.")
        }
        let storeKey = set.path.lowercased()
        let divisionKey = String(division)
        let records: [JSONObject]
        if set.key == "Code" {
            records = state.exactOnline.tenants
        } else {
            records = state.exactOnline.entities[divisionKey]?[storeKey] ?? []
        }
        let entityURL = "\(root)/api/v1/\(division)/\(set.path)"
        func uri(_ record: JSONObject) -> String {
            let value = record[set.key]?.text ?? ""
            return set.key == "ID" ? "\(entityURL)(guid'\(value)')" : "\(entityURL)(\(value))"
        }
        switch (request.method, key) {
        case ("GET", nil):
            let query: ODataQuery
            do { query = try ODataQuery(request: request) } catch { return Self.error(400, error.message) }
            if let first = records.first {
                let unknown = query.unknownProperties(known: Set(first.keys))
                if let name = unknown.first {
                    return Self.error(400, "'\(name)' is not a member of type '\(set.type)'")
                }
            }
            if bulk && query.select == nil {
                return Self.error(400, "$select is mandatory for bulk endpoints.")
            }
            if countOnly {
                var counting = query
                counting.top = nil
                counting.skipToken = nil
                let matched: Int
                do { matched = try counting.page(of: records, key: set.key, pageSize: Int.max).records.count } catch {
                    return Self.error(400, error.message)
                }
                return .text(200, String(matched))
            }
            let page: (records: [JSONObject], more: Bool)
            do { page = try query.page(of: records, key: set.key, pageSize: bulk ? 1000 : 60) } catch {
                return Self.error(400, error.message)
            }
            var body: [(String, JSON)] = [
                (
                    "results",
                    .array(
                        page.records.map { .object(Self.withMetadata(query.project($0), uri: uri($0), type: set.type)) }
                    )
                )
            ]
            if page.more, let last = page.records.last {
                let lastKey = last[set.key]?.text ?? ""
                let next = query.nextQuery(request: request, returned: page.records.count, lastKey: lastKey) {
                    set.key == "ID" ? "guid'\($0)'" : $0
                }
                body.append(("__next", .string("\(request.origin)\(request.rawPath)?\(next)")))
            }
            return .json(200, .object([("d", .object(JSONObject(body)))]))
        case ("GET", let key?):
            guard let record = records.first(where: { $0[set.key]?.text.lowercased() == key.lowercased() }) else {
                return Self.error(404, "Record not found.")
            }
            let query: ODataQuery
            do { query = try ODataQuery(request: request) } catch { return Self.error(400, error.message) }
            return .json(
                200,
                .object([("d", .object(Self.withMetadata(query.project(record), uri: uri(record), type: set.type)))]))
        case ("POST", nil) where set.key == "ID" && !bulk:
            guard case .success(let body) = request.jsonBody(), let fields = body.objectValue else {
                return Self.error(400, "The request body is not a valid JSON object.")
            }
            var random = StableRandom(seed: UInt64(now * 1000) ^ UInt64(records.count))
            var record = JSONObject([("ID", .string(random.guid()))])
            record.merge(fields.filter { $0 != "ID" && $0 != "__metadata" })
            if storeKey == "crm/accounts", let code = record["Code"]?.stringValue {
                record["Code"] = .string(code.leftPadded(to: 18))
            }
            record["Division"] = .int(division)
            record["Created"] = .string("/Date(\(Int(now * 1000)))/")
            record["Modified"] = .string("/Date(\(Int(now * 1000)))/")
            state.exactOnline.entities[divisionKey, default: [:]][storeKey, default: []].append(record)
            return SandboxAnswer.json(
                201, .object([("d", .object(Self.withMetadata(record, uri: uri(record), type: set.type)))])
            )
            .changingState()
        case ("PUT", let key?) where set.key == "ID":
            guard case .success(let body) = request.jsonBody(), let fields = body.objectValue else {
                return Self.error(400, "The request body is not a valid JSON object.")
            }
            guard let index = records.firstIndex(where: { $0[set.key]?.text.lowercased() == key.lowercased() }) else {
                return Self.error(404, "Record not found.")
            }
            var record = records[index]
            record.merge(fields.filter { $0 != "ID" && $0 != "__metadata" })
            record["Modified"] = .string("/Date(\(Int(now * 1000)))/")
            state.exactOnline.entities[divisionKey]![storeKey]![index] = record
            return SandboxAnswer.empty(204).changingState()
        case ("DELETE", let key?) where set.key == "ID":
            guard let index = records.firstIndex(where: { $0[set.key]?.text.lowercased() == key.lowercased() }) else {
                return Self.error(404, "Record not found.")
            }
            state.exactOnline.entities[divisionKey]![storeKey]!.remove(at: index)
            return SandboxAnswer.empty(204).changingState()
        default:
            return Self.error(405, "Method not allowed.")
        }
    }

    /// The record with `__metadata` first, as Exact sends every entity.
    static func withMetadata(_ record: JSONObject, uri: String, type: String) -> JSONObject {
        var result = JSONObject([("__metadata", .object([("uri", .string(uri)), ("type", .string(type))]))])
        result.members += record.members
        return result
    }
}
