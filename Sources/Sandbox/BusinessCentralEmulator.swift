import Foundation

/// Business Central's API v2.0 and the Entra (AAD) token endpoint, below `/business-central`.
struct BusinessCentralEmulator: Sendable {
    /// The entity sets under `companies({id})/`, by their (case-sensitive) URL name, with their OData type.
    static let entitySets: [String: String] = [
        "customers": "customer", "items": "item", "itemCategories": "itemCategory", "accounts": "account",
        "taxGroups": "taxGroup", "countriesRegions": "countryRegion",
    ]

    /// The scope client-credentials tokens must ask for.
    static let scope = "https://api.businesscentral.dynamics.com/.default"

    /// The largest page Business Central serves.
    static let maximumPageSize = 20_000

    private var limiters: [String: SlidingWindow] = [:]
    private var limit: Int?

    init(rateLimit: Int?) {
        limit = rateLimit
    }

    /// Changes the limit, starting fresh windows.
    mutating func setRateLimit(_ limit: Int?) {
        self.limit = limit
        limiters = [:]
    }

    /// The OData v4 error body `{"error":{"code","message"}}`.
    static func error(_ status: Int, _ code: String, _ message: String) -> SandboxAnswer {
        .json(status, .object([("error", .object([("code", .string(code)), ("message", .string(message))]))]))
    }

    /// Answers one request below `/business-central`.
    mutating func respond(to request: SandboxRequest, state: inout SandboxState, now: Double, tokenLifetime: Double?)
        -> SandboxAnswer
    {
        var random = StableRandom(seed: UInt64(now * 1_000_000))
        let correlation = random.guid()
        var answer = route(request, state: &state, now: now, lifetime: tokenLifetime, correlation: correlation)
        answer.headers.append(("x-ms-correlation-request-id", correlation))
        return answer
    }

    private mutating func route(
        _ request: SandboxRequest, state: inout SandboxState, now: Double, lifetime: Double?, correlation: String
    )
        -> SandboxAnswer
    {
        let path = request.segments
        if path.count == 4, path[1] == "oauth2", path[2] == "v2.0", path[3] == "token", request.method == "POST" {
            return token(
                request, tenant: path[0], state: &state, now: now, lifetime: lifetime ?? 3599, correlation: correlation)
        }
        if path == ["admin", "v2.1", "applications", "businesscentral", "environments"], request.method == "GET" {
            return environments(request, state: state, now: now, correlation: correlation)
        }
        guard path.first == "v2.0", let apiIndex = path.firstIndex(of: "api"), apiIndex == 2 || apiIndex == 3,
            path.count > apiIndex + 1, path[apiIndex + 1] == "v2.0"
        else {
            return Self.error(
                404, "BadRequest_NotFound",
                "No HTTP resource was found that matches the request URI '\(request.origin)\(request.rawPath)'.")
        }
        let urlTenant = apiIndex == 3 ? path[1] : nil
        let environment = path[apiIndex - 1]
        guard let bearer = request.bearerToken,
            let token = state.tokens.access(bearer, system: .businessCentral, now: now),
            urlTenant.map({ $0.lowercased() == token.grant.lowercased() }) ?? true
        else {
            return Self.error(
                401, "Authentication_InvalidCredentials",
                "The server has rejected the client credentials.  CorrelationId:  \(correlation)."
            )
            .adding(header: "WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"")
        }
        if let limit {
            var window = limiters[token.clientID] ?? SlidingWindow(limit: limit, window: 300)
            let wait = window.admit(now: now)
            limiters[token.clientID] = window
            if let wait {
                return Self.error(
                    429, "Application_TooManyRequests",
                    "Too many requests reached.  Actual (\(limit + 1)).  Maximum (\(limit))."
                )
                .adding(header: "Retry-After", String(max(1, Int(wait.rounded(.up)))))
            }
        }
        let companies = state.businessCentral.tenants.filter {
            $0["_environment"]?.stringValue?.lowercased() == environment.lowercased()
        }
        guard !companies.isEmpty else {
            return Self.error(
                404, "BadRequest_NotFound",
                "The environment '\(environment)' does not exist.  CorrelationId:  \(correlation).")
        }
        let apiRoot = "\(request.systemRoot)/v2.0/\(urlTenant.map { "\($0)/" } ?? "")\(environment)/api/v2.0"
        return resource(
            request, rest: Array(path[(apiIndex + 2)...]), companies: companies, apiRoot: apiRoot, state: &state,
            now: now)
    }

    /// The admin API's environment list, `{"value":[…]}`, for the token's AAD tenant.
    private func environments(_ request: SandboxRequest, state: SandboxState, now: Double, correlation: String)
        -> SandboxAnswer
    {
        guard let bearer = request.bearerToken,
            let token = state.tokens.access(bearer, system: .businessCentral, now: now)
        else {
            return Self.error(
                401, "Authentication_InvalidCredentials",
                "The server has rejected the client credentials.  CorrelationId:  \(correlation).")
        }
        var names: [String] = []
        for company in state.businessCentral.tenants {
            if let name = company["_environment"]?.stringValue, !names.contains(name) { names.append(name) }
        }
        let value = names.map { name in
            JSON.object([
                ("friendlyName", .string(name)), ("type", .string(name == "Production" ? "Production" : "Sandbox")),
                ("name", .string(name)), ("countryCode", "NL"), ("applicationFamily", "BusinessCentral"),
                ("aadTenantId", .string(token.grant)), ("applicationVersion", "24.0.16410.16850"), ("status", "Active"),
                ("webClientLoginUrl", .string("\(request.systemRoot)/\(token.grant)/\(name)")),
                ("webServiceUrl", .string("\(request.systemRoot)/v2.0/\(token.grant)/\(name)")),
            ])
        }
        return .json(200, .object([("value", .array(value))]))
    }

    // MARK: Token

    private func token(
        _ request: SandboxRequest, tenant: String, state: inout SandboxState, now: Double, lifetime: Double,
        correlation: String
    )
        -> SandboxAnswer
    {
        func entraError(_ status: Int, _ code: String, _ number: Int, _ description: String) -> SandboxAnswer {
            .json(
                status,
                .object([
                    ("error", .string(code)),
                    ("error_description", .string("AADSTS\(number): \(description) Trace ID: \(correlation)")),
                    ("error_codes", .array([.int(number)])),
                    ("timestamp", .string(ISODate.format(milliseconds: Int(now * 1000)))),
                    ("trace_id", .string(correlation)), ("correlation_id", .string(correlation)),
                ]))
        }
        let aadTenant = state.businessCentral.settings["aad_tenant"]?.stringValue ?? ""
        guard tenant.lowercased() == aadTenant.lowercased() else {
            return entraError(400, "invalid_request", 90002, "Tenant '\(tenant)' not found.")
        }
        let form = request.form
        guard form["grant_type"] == "client_credentials" else {
            return entraError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.")
        }
        let credentials = ClientCredentials(request: request)
        guard let app = state.businessCentral.app(credentials.clientID) else {
            return entraError(
                400, "unauthorized_client", 700016,
                "Application with identifier '\(credentials.clientID)' was not found in the directory.")
        }
        guard app.clientSecret == credentials.clientSecret else {
            return entraError(401, "invalid_client", 7000215, "Invalid client secret provided.")
        }
        guard form["scope"] == Self.scope else {
            return entraError(
                400, "invalid_scope", 1002012,
                "The provided value for scope \(form["scope"] ?? "") is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier."
            )
        }
        let token = state.tokens.issue(
            .access, system: .businessCentral, clientID: app.clientID, lifetime: lifetime, now: now, scope: Self.scope,
            grant: aadTenant, prefix: "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.")
        return SandboxAnswer.json(
            200,
            .object([
                ("token_type", "Bearer"), ("expires_in", .int(Int(lifetime))), ("ext_expires_in", .int(Int(lifetime))),
                ("access_token", .string(token.value)),
            ])
        ).changingState()
    }

    // MARK: API

    /// Splits `name(key)` into the name and the key (quotes removed).
    private static func keyed(_ segment: String) -> (name: String, key: String?) {
        guard let open = segment.firstIndex(of: "("), segment.hasSuffix(")") else { return (segment, nil) }
        let key = String(segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]).trimming("'")
        return (String(segment[..<open]), key)
    }

    private func resource(
        _ request: SandboxRequest, rest: [String], companies: [JSONObject], apiRoot: String, state: inout SandboxState,
        now: Double
    ) -> SandboxAnswer {
        guard let first = rest.first else {
            return Self.error(
                404, "BadRequest_NotFound",
                "No HTTP resource was found that matches the request URI '\(request.origin)\(request.rawPath)'.")
        }
        let (root, companyKey) = Self.keyed(first)
        guard root == "companies" else {
            return Self.error(
                404, "BadRequest_NotFound",
                "No HTTP resource was found that matches the request URI '\(request.origin)\(request.rawPath)'.")
        }
        let visibleCompanies = companies.map { $0.filter { !$0.hasPrefix("_") } }
        if rest.count == 1 {
            guard request.method == "GET" else {
                return Self.error(
                    405, "BadRequest_MethodNotAllowed",
                    "'\(request.method)' requests for 'companies' of EdmType 'Entity' are not allowed within Dynamics 365 Business Central OData web services."
                )
            }
            if let companyKey {
                guard let company = visibleCompanies.first(where: { $0["id"]?.stringValue == companyKey.lowercased() })
                else {
                    return Self.error(404, "Internal_CompanyNotFound", "The company '\(companyKey)' does not exist.")
                }
                return .json(200, .object(Self.entity(company, context: "\(apiRoot)/$metadata#companies/$entity")))
            }
            return list(request, records: visibleCompanies, type: "company", context: "\(apiRoot)/$metadata#companies")
        }
        guard let companyKey,
            let company = companies.first(where: { $0["id"]?.stringValue == companyKey.lowercased() }),
            let companyID = company["id"]?.stringValue
        else {
            return Self.error(
                404, "Internal_CompanyNotFound", "Cannot process the request because the company cannot be found.")
        }
        guard rest.count == 2 else {
            return Self.error(
                404, "BadRequest_NotFound",
                "No HTTP resource was found that matches the request URI '\(request.origin)\(request.rawPath)'.")
        }
        let (setName, entityKey) = Self.keyed(rest[1])
        guard let type = Self.entitySets[setName] else {
            return Self.error(
                404, "BadRequest_NotFound",
                "No HTTP resource was found that matches the request URI '\(request.origin)\(request.rawPath)'.")
        }
        let storeKey = setName.lowercased()
        let records = state.businessCentral.entities[companyID]?[storeKey] ?? []
        let context = "\(apiRoot)/$metadata#companies(\(companyID))/\(setName)"
        let index = entityKey.flatMap { key in records.firstIndex { $0["id"]?.stringValue == key.lowercased() } }
        if let entityKey, index == nil, request.method != "POST" {
            return Self.error(
                404, "Internal_RecordNotFound",
                "The \(type) does not exist. Identification fields and values: Id='{\(entityKey.uppercased())}'")
        }
        switch (request.method, index) {
        case ("GET", nil):
            return list(request, records: records, type: type, context: context)
        case ("GET", let index?):
            let query: ODataQuery
            do { query = try ODataQuery(request: request) } catch {
                return Self.error(400, "BadRequest", error.message)
            }
            return .json(
                200,
                .object(
                    Self.entity(query.project(records[index], keeping: ["@odata.etag"]), context: "\(context)/$entity"))
            )
        case ("POST", nil) where entityKey == nil && setName != "accounts":
            guard case .success(let body) = request.jsonBody(), let fields = body.objectValue else {
                return Self.error(400, "BadRequest", "Invalid Request Body.")
            }
            if let unknown = fields.keys.first(where: {
                !(records.first?.keys.contains($0) ?? true) && !$0.hasPrefix("@")
            }) {
                return Self.error(
                    400, "BadRequest", "Could not find a property named '\(unknown)' on type 'Microsoft.NAV.\(type)'.")
            }
            var random = StableRandom(seed: UInt64(now * 1_000_000) ^ UInt64(records.count))
            var record = JSONObject([("id", .string(random.guid()))])
            record.merge(fields.filter { $0 != "id" && !$0.hasPrefix("@") })
            record["lastModifiedDateTime"] = .string(ISODate.format(milliseconds: Int(now * 1000)))
            state.businessCentral.entities[companyID, default: [:]][storeKey, default: []].append(record)
            return SandboxAnswer.json(201, .object(Self.entity(record, context: "\(context)/$entity"))).changingState()
        case ("PATCH", let index?) where setName != "accounts":
            guard let match = request.header("if-match") else {
                return Self.error(
                    400, "BadRequest",
                    "Could not validate the client concurrency token required by the service. Please provide a valid token in the client request."
                )
            }
            guard match == "*" || match == Self.etag(records[index]) else {
                return Self.error(412, "Request_EntityChanged", "Another user has already changed the record.")
            }
            guard case .success(let body) = request.jsonBody(), let fields = body.objectValue else {
                return Self.error(400, "BadRequest", "Invalid Request Body.")
            }
            if let unknown = fields.keys.first(where: { !records[index].keys.contains($0) && !$0.hasPrefix("@") }) {
                return Self.error(
                    400, "BadRequest", "Could not find a property named '\(unknown)' on type 'Microsoft.NAV.\(type)'.")
            }
            var record = records[index]
            record.merge(fields.filter { $0 != "id" && !$0.hasPrefix("@") })
            record["lastModifiedDateTime"] = .string(ISODate.format(milliseconds: Int(now * 1000)))
            state.businessCentral.entities[companyID]![storeKey]![index] = record
            return SandboxAnswer.json(200, .object(Self.entity(record, context: "\(context)/$entity"))).changingState()
        case ("DELETE", let index?) where setName != "accounts":
            state.businessCentral.entities[companyID]![storeKey]!.remove(at: index)
            return SandboxAnswer.empty(204).changingState()
        default:
            return Self.error(
                405, "BadRequest_MethodNotAllowed",
                "'\(request.method)' requests for '\(setName)' of EdmType 'Entity' are not allowed within Dynamics 365 Business Central OData web services."
            )
        }
    }

    private func list(_ request: SandboxRequest, records: [JSONObject], type: String, context: String) -> SandboxAnswer
    {
        let query: ODataQuery
        do { query = try ODataQuery(request: request) } catch { return Self.error(400, "BadRequest", error.message) }
        if let first = records.first, let unknown = query.unknownProperties(known: Set(first.keys)).first {
            return Self.error(
                400, "BadRequest", "Could not find a property named '\(unknown)' on type 'Microsoft.NAV.\(type)'.")
        }
        var pageSize = Self.maximumPageSize
        var applied: String?
        for preference in (request.header("prefer") ?? "").split(separator: ",") {
            let parts = preference.split(separator: "=").map { String($0).trimming(" ") }
            if parts.count == 2, parts[0].lowercased() == "odata.maxpagesize", let size = Int(parts[1]), size > 0 {
                pageSize = min(size, Self.maximumPageSize)
                applied = "odata.maxpagesize=\(pageSize)"
            }
        }
        let page: (records: [JSONObject], more: Bool)
        do { page = try query.page(of: records, key: "id", pageSize: pageSize) } catch {
            return Self.error(400, "BadRequest", error.message)
        }
        var body: [(String, JSON)] = [("@odata.context", .string(context))]
        if request.parameter("$count")?.lowercased() == "true" {
            var counting = query
            counting.top = nil
            counting.skipToken = nil
            counting.skip = 0
            let total = (try? counting.page(of: records, key: "id", pageSize: Int.max).records.count) ?? 0
            body.append(("@odata.count", .int(total)))
        }
        body.append(
            (
                "value",
                .array(page.records.map { .object(Self.withETag(query.project($0, keeping: ["id"]), etagOf: $0)) })
            ))
        if page.more, let last = page.records.last?["id"]?.stringValue {
            let next = query.nextQuery(request: request, returned: page.records.count, lastKey: last) { $0 }
            body.append(("@odata.nextLink", .string("\(request.origin)\(request.rawPath)?\(next)")))
        }
        var answer = SandboxAnswer.json(200, .object(JSONObject(body)), headers: [("OData-Version", "4.0")])
        if let applied { answer.headers.append(("Preference-Applied", applied)) }
        return answer
    }

    /// An entity as a single GET answers it: context, etag, fields.
    private static func entity(_ record: JSONObject, context: String) -> JSONObject {
        var result = JSONObject([("@odata.context", .string(context))])
        result.members += withETag(record, etagOf: record).members
        return result
    }

    /// The record with its `@odata.etag` first.
    private static func withETag(_ record: JSONObject, etagOf source: JSONObject) -> JSONObject {
        var result = JSONObject([("@odata.etag", .string(etag(source)))])
        result.members += record.members
        return result
    }

    /// A weak etag derived from the record's content, in Business Central's shape (`W/"JzE5Oz…Oyc="`).
    static func etag(_ record: JSONObject) -> String {
        var hash = StableRandom(named: String(decoding: JSONWriter.encode(.object(record)), as: UTF8.self))
        let digits = String(hash.next() % 10_000_000_000_000_000_000)
        let inner = "'\(digits.count);\(digits);00;'"
        return "W/\"\(Data(inner.utf8).base64EncodedString())\""
    }
}
