import Foundation
import HaloformCore
import ServiceTransport

/// `haloform login`: the authorization-code flow for Exact Online or Sage with a loopback redirect, ending with the
/// first refresh token in the token store, under the app login every tenant of that app shares. Against the sandbox it needs no browser: the sandbox approves at once and
/// the login follows its redirect to the listener itself.
public struct InteractiveLogin: Sendable {
    /// The tenant.
    public let request: CatalogRequest
    /// The flow.
    public let flow: AuthorizationCodeFlow
    /// The app login the token is kept for.
    public var app: AppLogin { AppLogin(flow) }
    private let context: AccountingContext
    private let http: HTTPService

    /// A login for a tenant; `redirectURI` defaults to `http://localhost:8400/<system>/callback`.
    public init(_ request: CatalogRequest, context: AccountingContext, redirectURI: String? = nil) throws(ServiceError) {
        guard request.key.integration != .businessCentral else {
            throw ServiceError(
                .configuration, service: "login",
                message: "Business Central needs no login: haloform reads it with its catalog app's client credentials")
        }
        self.request = request
        flow = try AuthorizationCodeFlow(request, redirectURI: redirectURI)
        self.context = context
        http = HTTPService(context.configuration(for: request.key.integration))
    }

    /// Runs the login: `show` gets the URL to open; waits up to `timeout` for the redirect; stores the refresh token
    /// for the app, replacing the version-1 entries of `tenants` (the tenants it serves).
    public func run(
        timeout: Duration = .seconds(300), serving tenants: [CatalogKey] = [], show: @Sendable (String) -> Void
    ) async throws(ServiceError)
        -> StoredToken
    {
        guard let redirect = URLComponents(string: flow.redirectURI), let port = redirect.port,
            let host = redirect.host, TransportSecurity.isLoopback(host: host)
        else {
            throw ServiceError(
                .configuration, service: "login", message: "the redirect URI must be a loopback URL with a port")
        }
        let listener = try LoopbackRedirectListener(port: port)
        let state = UUID().uuidString
        show(flow.authorizationURL(state: state))
        let redirected: String
        if flow.endpoints.isLoopback {
            let location = try await flow.approveWithoutBrowser(state: state, using: http)
            async let arrived = listener.redirect(path: redirect.path, timeout: timeout)
            // The browser's part: follow the redirect to the listener.
            _ = try? await http.send(.get(location))
            guard let url = await arrived else {
                throw ServiceError(.authentication, service: flow.service, message: "the sandbox's redirect never arrived")
            }
            redirected = url
        } else {
            redirected = try await listener.waitForRedirect(path: redirect.path, timeout: timeout)
        }
        let code = try flow.code(fromRedirect: redirected, state: state)
        let token = try await flow.exchange(code: code, using: http)
        let now = context.clock.now
        let stored = StoredToken(
            refreshToken: token.refreshToken ?? "", accessToken: token.value, accessTokenExpiresAt: token.expiresAt,
            issuedAt: now, updatedAt: now)
        let legacy = ([request.key] + tenants).map(TokenStore.legacyKey)
        try await context.tokenStore.update(app.storeKey, migrating: legacy) { (entry) throws(ServiceError) in
            entry = stored
        }
        return stored
    }
}
