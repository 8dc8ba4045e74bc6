/// A token, code or refresh token one of the emulated systems issued.
struct IssuedToken: Sendable, Equatable {
    /// What the token is for.
    enum Kind: String, Sendable {
        case access, refresh, code
    }

    /// The token text.
    var value: String
    /// The system that issued it.
    var system: SandboxSystem
    /// Access, refresh or authorization code.
    var kind: Kind
    /// The app it was issued to.
    var clientID: String
    /// When it was issued (seconds since 1970).
    var issuedAt: Double
    /// When it stops working.
    var expiresAt: Double
    /// For refresh tokens: the earliest moment a refresh is accepted (Exact refuses early refreshes).
    var usableFrom: Double
    /// The granted scope.
    var scope: String
    /// For codes: the redirect URI the code was issued for.
    var redirectURI: String
    /// The login (grant) the token belongs to; refreshing keeps it.
    var grant: String
    /// The user who approved the login (authorization-code flows); empty for an app's own token.
    var user: String

    var json: JSON {
        .object([
            ("value", .string(value)), ("system", .string(system.rawValue)), ("kind", .string(kind.rawValue)),
            ("client_id", .string(clientID)), ("issued_at", .double(issuedAt)), ("expires_at", .double(expiresAt)),
            ("usable_from", .double(usableFrom)), ("scope", .string(scope)), ("redirect_uri", .string(redirectURI)),
            ("grant", .string(grant)), ("user", .string(user)),
        ])
    }

    init(
        value: String, system: SandboxSystem, kind: Kind, clientID: String, issuedAt: Double, expiresAt: Double,
        usableFrom: Double, scope: String, redirectURI: String, grant: String, user: String = ""
    ) {
        self.value = value
        self.system = system
        self.kind = kind
        self.clientID = clientID
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.usableFrom = usableFrom
        self.scope = scope
        self.redirectURI = redirectURI
        self.grant = grant
        self.user = user
    }

    init?(json: JSON) {
        guard let value = json["value"]?.stringValue,
            let system = json["system"]?.stringValue.flatMap(SandboxSystem.init),
            let kind = json["kind"]?.stringValue.flatMap(Kind.init)
        else { return nil }
        self.init(
            value: value, system: system, kind: kind, clientID: json["client_id"]?.stringValue ?? "",
            issuedAt: json["issued_at"]?.doubleValue ?? 0, expiresAt: json["expires_at"]?.doubleValue ?? 0,
            usableFrom: json["usable_from"]?.doubleValue ?? 0, scope: json["scope"]?.stringValue ?? "",
            redirectURI: json["redirect_uri"]?.stringValue ?? "", grant: json["grant"]?.stringValue ?? "",
            user: json["user"]?.stringValue ?? "")
    }
}

/// The tokens all systems issued, looked up by their text.
struct TokenLedger: Sendable {
    /// Tokens by value.
    private(set) var tokens: [String: IssuedToken] = [:]

    init() {}

    init(json: JSON) {
        for element in json.arrayValue ?? [] {
            if let token = IssuedToken(json: element) { tokens[token.value] = token }
        }
    }

    var json: JSON {
        .array(tokens.values.sorted { ($0.issuedAt, $0.value) < ($1.issuedAt, $1.value) }.map(\.json))
    }

    /// Issues a token; expired ones are dropped now and then so the ledger stays small.
    mutating func issue(
        _ kind: IssuedToken.Kind, system: SandboxSystem, clientID: String, lifetime: Double, now: Double,
        scope: String = "", redirectURI: String = "", grant: String? = nil, usableFrom: Double = 0, prefix: String = "",
        user: String = ""
    ) -> IssuedToken {
        var random = SystemRandomNumberGenerator()
        var seeded = StableRandom(seed: random.next())
        let token = IssuedToken(
            value: prefix + seeded.token(length: kind == .code ? 32 : 48), system: system, kind: kind,
            clientID: clientID,
            issuedAt: now, expiresAt: now + lifetime, usableFrom: usableFrom, scope: scope, redirectURI: redirectURI,
            grant: grant ?? seeded.guid(), user: user)
        if tokens.count > 2_000 { tokens = tokens.filter { $0.value.expiresAt > now } }
        tokens[token.value] = token
        return token
    }

    /// The live access token of a system with this text.
    func access(_ value: String, system: SandboxSystem, now: Double) -> IssuedToken? {
        guard let token = tokens[value], token.system == system, token.kind == .access, token.expiresAt > now else {
            return nil
        }
        return token
    }

    /// The token with this text, live or not.
    func token(_ value: String) -> IssuedToken? { tokens[value] }

    /// Removes a token (a used code or a rotated refresh token).
    mutating func revoke(_ value: String) {
        tokens[value] = nil
    }

    /// Removes every token of a grant of this kind (a refresh token rotated away).
    mutating func revoke(kind: IssuedToken.Kind, system: SandboxSystem, where predicate: (IssuedToken) -> Bool) {
        tokens = tokens.filter { !($0.value.kind == kind && $0.value.system == system && predicate($0.value)) }
    }

    /// Expires every access token now (of one system, or all) and lets their refresh tokens be used at once.
    mutating func expireAll(system: SandboxSystem?, now: Double) -> Int {
        var count = 0
        for (key, token) in tokens where system == nil || token.system == system {
            var changed = token
            switch token.kind {
            case .access:
                guard token.expiresAt > now else { continue }
                changed.expiresAt = now - 1
                count += 1
            case .refresh:
                changed.usableFrom = min(token.usableFrom, now)
            case .code:
                continue
            }
            tokens[key] = changed
        }
        return count
    }
}
