import Foundation
import HaloAPI
import HaloformCore

/// Access tokens from a rotating refresh token (Exact Online, Sage): the current refresh token is read from the
/// token store under its lock, spent, and its successor written back before the lock is let go.
struct RotatingRefreshGrant: Sendable {
    /// The tenant.
    let key: CatalogKey
    /// The login flow (endpoints and app).
    let flow: AuthorizationCodeFlow
    /// Shared settings.
    let context: AccountingContext
    /// The service the token requests go through.
    let http: HTTPService
    /// The age below which an access token may not be refreshed (Exact: 570 s); nil for none.
    let minimumRefreshAge: TimeInterval?

    /// A token: the stored access token while it is good and was not refused, else a refreshed one.
    func fetch(refused: String?) async throws(ServiceError) -> AccessToken {
        try await context.tokenStore.update(TokenStore.key(key)) { (entry) throws(ServiceError) -> AccessToken in
            let now = Date()
            if let entry, let access = entry.accessToken, let expires = entry.accessTokenExpiresAt {
                SecretRedactor.shared.register(access, entry.refreshToken)
                if access != refused, expires.timeIntervalSince(now) > 30 {
                    return AccessToken(value: access, expiresAt: expires, refreshToken: entry.refreshToken)
                }
                if let minimumRefreshAge, access == refused, let issued = entry.issuedAt,
                    now.timeIntervalSince(issued) < minimumRefreshAge, expires > now
                {
                    throw ServiceError(
                        .authentication, service: flow.service,
                        message: "\(key) refused an access token issued \(Int(now.timeIntervalSince(issued))) s ago, "
                            + "and allows no refresh before \(Int(minimumRefreshAge)) s")
                }
            }
            let token = try await newToken(stored: entry?.refreshToken)
            entry = StoredToken(
                refreshToken: token.refreshToken ?? entry?.refreshToken ?? "", accessToken: token.value,
                accessTokenExpiresAt: token.expiresAt, issuedAt: now)
            return token
        }
    }

    private func newToken(stored: String?) async throws(ServiceError) -> AccessToken {
        let seed = context.seededRefreshToken(for: key)
        if let stored {
            do {
                return try await flow.refresh(stored, using: http)
            } catch let error where error.kind == .authentication {
                // A pipeline may have seeded a newer token than the one left in its store.
                guard let seed, seed != stored else { throw error }
            }
        }
        if let seed { return try await flow.refresh(seed, using: http) }
        if context.allowsSandboxLogin, flow.endpoints.isLoopback {
            let state = UUID().uuidString
            let redirect = try await flow.approveWithoutBrowser(state: state, using: http)
            return try await flow.exchange(code: try flow.code(fromRedirect: redirect, state: state), using: http)
        }
        let command = key.integration == .exactOnline ? "exact-online" : "sage"
        throw ServiceError(
            .configuration, service: flow.service,
            message: "no refresh token for \(key): run `haloform login \(command) \(key.tenant)`, or set "
                + "\(key.integration == .exactOnline ? "EXACT" : "SAGE")_REFRESH_TOKEN")
    }
}

/// What a client with a rotating-refresh-token login talks through.
struct RotatingRefreshConnection: Sendable {
    /// The endpoints.
    let endpoints: AccountingEndpoints
    /// The plain service (budget, retries, counts).
    let service: HTTPService
    /// The service with bearer tokens.
    let api: AuthorizedService

    /// A connection for a tenant; tokens are renewed 30 s before they expire.
    init(_ request: CatalogRequest, context: AccountingContext, minimumRefreshAge: TimeInterval?) throws(ServiceError) {
        let flow = try AuthorizationCodeFlow(request)
        endpoints = flow.endpoints
        let service = HTTPService(context.configuration(for: request.key.integration))
        self.service = service
        let grant = RotatingRefreshGrant(
            key: request.key, flow: flow, context: context, http: service, minimumRefreshAge: minimumRefreshAge)
        api = AuthorizedService(service: service, tokens: TokenCache(margin: 30) { refused in
            try await grant.fetch(refused: refused)
        })
    }
}
