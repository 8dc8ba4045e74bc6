import Foundation
import HaloformCore
import ServiceTransport

/// Access tokens from a rotating refresh token (Exact Online, Sage), one per app and user: the current refresh token is
/// read from the token store under its lock, spent, and its successor written back before the lock is let go.
struct RotatingRefreshGrant: Sendable {
    /// The app login.
    let app: AppLogin
    /// The login flow (endpoints and app).
    let flow: AuthorizationCodeFlow
    /// Shared settings.
    let context: AccountingContext
    /// The service the token requests go through.
    let http: HTTPService
    /// The age below which an access token may not be refreshed (Exact: 570 s); nil for none.
    let minimumRefreshAge: TimeInterval?

    /// The tenants this login serves.
    private var tenants: [CatalogKey] { context.logins.tenants(of: app) }

    /// A token: the stored access token while it is good and was not refused, else a refreshed one.
    func fetch(refused: String?) async throws(ServiceError) -> AccessToken {
        let tenants = self.tenants
        let store = context.tokenStore
        return try await store.update(app.storeKey, migrating: app.legacyKeys(tenants), accepting: app.accepts) {
            (entry) throws(ServiceError) -> AccessToken in
            let now = context.clock.now
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
                        message: "\(Self.names(tenants)) refused an access token issued "
                            + "\(Int(now.timeIntervalSince(issued))) s ago, and allows no refresh before "
                            + "\(Int(minimumRefreshAge)) s")
                }
            }
            let token = try await newToken(stored: entry?.refreshToken, tenants: tenants)
            entry = StoredToken(
                refreshToken: token.refreshToken ?? entry?.refreshToken ?? "", accessToken: token.value,
                accessTokenExpiresAt: token.expiresAt, issuedAt: now, updatedAt: now, user: entry?.user,
                userID: entry?.userID)
            return token
        }
    }

    private func newToken(stored: String?, tenants: [CatalogKey]) async throws(ServiceError) -> AccessToken {
        let seed = context.seededRefreshToken(for: tenants)
        if let stored {
            do {
                return try await spend(stored, tenants: tenants)
            } catch let error where error.kind == .loginRequired {
                // A pipeline may have seeded a newer token than the one left in its store.
                guard let seed, seed != stored else { throw error }
            }
        }
        if let seed { return try await spend(seed, tenants: tenants) }
        if context.allowsSandboxLogin, flow.endpoints.isLoopback {
            let state = UUID().uuidString
            let redirect = try await flow.approveWithoutBrowser(state: state, using: http)
            return try await flow.exchange(code: try flow.code(fromRedirect: redirect, state: state), using: http).token
        }
        throw loginRequired(
            tenants, "there is no refresh token",
            alternative: "or set \(app.integration == .exactOnline ? "EXACT" : "SAGE")_REFRESH_TOKEN")
    }

    /// Spends a refresh token. A refusal, or an answer lost twice, means a person must log in again; an answer lost
    /// once is asked again with the same token, which the service either refuses (it did rotate) or answers.
    private func spend(_ refreshToken: String, tenants: [CatalogKey]) async throws(ServiceError) -> AccessToken {
        var lost = false
        while true {
            do {
                return try await flow.refresh(refreshToken, using: http)
            } catch let error where error.kind == .connectionLost && !lost {
                lost = true
            } catch let error where error.kind == .connectionLost {
                throw loginRequired(
                    tenants,
                    "the answers to two refreshes of the login's token were lost, and the service may "
                        + "have replaced the refresh token (\(error.message))")
            } catch let error where Self.refusesGrant(error) {
                let lifetime = app.integration == .exactOnline ? "30 days unused" : "31 days"
                let why =
                    lost
                    ? "the answer to a refresh was lost after the service had replaced the refresh token"
                    : "the service refuses the stored refresh token: it lapses after \(lifetime), and a newer "
                        + "login, or a refresh whose answer was lost, ends it too"
                throw loginRequired(tenants, why)
            }
        }
    }

    /// Whether a token endpoint's error says the refresh token is dead (`invalid_grant`, HTTP 400).
    private static func refusesGrant(_ error: ServiceError) -> Bool {
        guard error.kind == .authentication else { return false }
        return error.status == 400 || error.bodyExcerpt?.contains("invalid_grant") == true
    }

    private func loginRequired(_ tenants: [CatalogKey], _ why: String, alternative: String? = nil) -> ServiceError {
        let served =
            tenants.count > 2 ? " (one login serves them all)" : tenants.count == 2 ? " (one login serves both)" : ""
        return ServiceError(
            .loginRequired, service: flow.service,
            message: "\(Self.names(tenants)): \(why); log in again: run "
                + "`\(AppLogin.command(app.integration, tenants))`\(served)" + (alternative.map { ", \($0)" } ?? ""))
    }

    /// Tenant names for a message: `exact-be, exact-nl`.
    static func names(_ tenants: [CatalogKey]) -> String {
        tenants.map(\.tenant).joined(separator: ", ")
    }
}

/// What a client with a rotating-refresh-token login talks through.
struct RotatingRefreshConnection: Sendable {
    /// The endpoints.
    let endpoints: AccountingEndpoints
    /// The plain service (budget, retries, counts).
    let service: HTTPService
    /// The service with bearer tokens, shared by every tenant of the same app login.
    let api: AuthorizedService

    /// A connection for a tenant; tokens are renewed 30 s before they expire.
    init(_ request: CatalogRequest, context: AccountingContext, minimumRefreshAge: TimeInterval?) throws(ServiceError) {
        let flow = try AuthorizationCodeFlow(request)
        endpoints = flow.endpoints
        let service = HTTPService(context.configuration(for: request.key.integration))
        self.service = service
        let app = AppLogin(flow)
        let tokens = context.logins.join(app, tenant: request.key) {
            let grant = RotatingRefreshGrant(
                app: app, flow: flow, context: context, http: service, minimumRefreshAge: minimumRefreshAge)
            return TokenCache(margin: 30, clock: context.clock) { refused in try await grant.fetch(refused: refused) }
        }
        api = AuthorizedService(service: service, tokens: tokens)
    }
}
