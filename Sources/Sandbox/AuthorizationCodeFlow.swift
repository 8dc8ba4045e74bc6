/// The OAuth 2.0 authorization-code flow Exact Online and Sage share: an authorize endpoint that approves at once,
/// single-use codes, access tokens, and refresh tokens that rotate on every use.
struct AuthorizationCodeFlow: Sendable {
    /// The system issuing the tokens.
    let system: SandboxSystem
    /// Access-token lifetime in seconds.
    let accessLifetime: Double
    /// Refresh-token lifetime in seconds.
    let refreshLifetime: Double
    /// Authorization-code lifetime in seconds.
    let codeLifetime: Double
    /// When set, a refresh is refused until this many seconds before the access token expires (Exact: 30 of 600).
    let earlyRefreshMargin: Double?
    /// The reason given for a refused early refresh.
    let earlyRefreshMessage: String

    /// An OAuth error: status, `error` code and description.
    struct Failure: Error {
        let status: Int
        let code: String
        let description: String
    }

    /// The tokens a successful token request yields.
    struct Grant {
        let access: IssuedToken
        let refresh: IssuedToken
    }

    /// Answers the authorize endpoint: a redirect carrying a code, or a 400 for an unknown app or redirect URI. The
    /// code is the user's whom `user` picks for the request's `login_hint` (nil when there is none), as if that
    /// person had signed in.
    func authorize(
        _ request: SandboxRequest, apps: [OAuthApp], tokens: inout TokenLedger, now: Double,
        extra: [(String, String)] = [],
        user: (String?) -> String
    ) -> SandboxAnswer {
        let clientID = request.parameter("client_id") ?? ""
        guard let app = apps.first(where: { $0.clientID == clientID }) else {
            return .text(400, "invalid_client: the client_id '\(clientID)' is not a registered application.")
        }
        let redirectURI = request.parameter("redirect_uri") ?? app.redirectURI
        guard app.accepts(redirectURI: redirectURI) else {
            return .text(
                400, "invalid_request: the redirect_uri does not match the one registered for this application.")
        }
        var parameters: [(String, String)] = []
        if request.parameter("response_type") != "code" {
            parameters.append(("error", "unsupported_response_type"))
        } else {
            let code = tokens.issue(
                .code, system: system, clientID: app.clientID, lifetime: codeLifetime, now: now,
                scope: request.parameter("scope") ?? "", redirectURI: redirectURI,
                user: user(request.parameter("login_hint")))
            parameters.append(("code", code.value))
            parameters += extra
        }
        if let state = request.parameter("state") { parameters.append(("state", state)) }
        let separator = redirectURI.contains("?") ? "&" : "?"
        return SandboxAnswer.redirect(to: redirectURI + separator + FormCoding.encode(parameters)).changingState()
    }

    /// Handles the token endpoint's `authorization_code` and `refresh_token` grants.
    func token(_ request: SandboxRequest, apps: [OAuthApp], tokens: inout TokenLedger, now: Double, lifetime: Double?)
        -> Result<Grant, Failure>
    {
        let form = request.form
        let credentials = ClientCredentials(request: request)
        guard let app = credentials.app(in: apps) else {
            return .failure(
                Failure(status: 401, code: "invalid_client", description: "The client credentials are invalid."))
        }
        let accessLifetime = lifetime ?? self.accessLifetime
        switch form["grant_type"] ?? "" {
        case "authorization_code":
            guard let code = tokens.token(form["code"] ?? ""), code.kind == .code, code.system == system,
                code.clientID == app.clientID, code.expiresAt > now
            else {
                return .failure(
                    Failure(
                        status: 400, code: "invalid_grant", description: "The authorization code is invalid or expired."
                    ))
            }
            if let redirect = form["redirect_uri"], redirect != code.redirectURI {
                return .failure(
                    Failure(status: 400, code: "invalid_grant", description: "The redirect_uri does not match."))
            }
            tokens.revoke(code.value)
            // Only one refresh token is live per app and user: a new login of that user ends the previous one.
            tokens.revoke(kind: .refresh, system: system) { $0.clientID == app.clientID && $0.user == code.user }
            return .success(
                issue(
                    app: app, scope: code.scope, grant: nil, user: code.user, lifetime: accessLifetime, tokens: &tokens,
                    now: now))
        case "refresh_token":
            guard let refresh = tokens.token(form["refresh_token"] ?? ""), refresh.kind == .refresh,
                refresh.system == system,
                refresh.clientID == app.clientID, refresh.expiresAt > now
            else {
                return .failure(
                    Failure(status: 400, code: "invalid_grant", description: "The refresh token is invalid or expired.")
                )
            }
            if earlyRefreshMargin != nil, now < refresh.usableFrom {
                return .failure(Failure(status: 401, code: "invalid_request", description: earlyRefreshMessage))
            }
            tokens.revoke(refresh.value)
            return .success(
                issue(
                    app: app, scope: refresh.scope, grant: refresh.grant, user: refresh.user, lifetime: accessLifetime,
                    tokens: &tokens, now: now))
        default:
            return .failure(
                Failure(status: 400, code: "unsupported_grant_type", description: "The grant_type is not supported."))
        }
    }

    private func issue(
        app: OAuthApp, scope: String, grant: String?, user: String, lifetime: Double, tokens: inout TokenLedger,
        now: Double
    ) -> Grant {
        let access = tokens.issue(
            .access, system: system, clientID: app.clientID, lifetime: lifetime, now: now, scope: scope, grant: grant,
            user: user)
        let usableFrom = earlyRefreshMargin.map { now + max(0, lifetime - $0) } ?? now
        let refresh = tokens.issue(
            .refresh, system: system, clientID: app.clientID, lifetime: refreshLifetime, now: now, scope: scope,
            grant: access.grant, usableFrom: usableFrom, user: user)
        return Grant(access: access, refresh: refresh)
    }
}
