import Foundation
import HaloformCore
import JSONText
import NIOHTTP1
import ServiceTransport

/// `haloform login`: the authorization-code flow for Exact Online or Sage with a loopback redirect, ending with the
/// first refresh token in the token store, under the app and user every tenant of that login shares, with the account
/// that signed in (checked against the tenant's `catalog.user`). Against the sandbox it needs no browser: the sandbox
/// approves at once and the login follows its redirect to the listener itself.
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
    public init(_ request: CatalogRequest, context: AccountingContext, redirectURI: String? = nil) throws(ServiceError)
    {
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

    /// Runs the login: `show` gets the URL to open; waits up to `timeout` for the redirect; learns which account
    /// signed in and refuses one other than the declared user; stores the refresh token for the app and user,
    /// replacing the older entries of `tenants` (the tenants it serves).
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
                throw ServiceError(
                    .authentication, service: flow.service, message: "the sandbox's redirect never arrived")
            }
            redirected = url
        } else {
            redirected = try await listener.waitForRedirect(path: redirect.path, timeout: timeout)
        }
        let code = try flow.code(fromRedirect: redirected, state: state)
        let approval = try await flow.exchange(code: code, using: http)
        let token = approval.token
        let (user, userID) = try await account(approval)
        let now = context.clock.now
        let stored = StoredToken(
            refreshToken: token.refreshToken ?? "", accessToken: token.value, accessTokenExpiresAt: token.expiresAt,
            issuedAt: now, updatedAt: now, user: user, userID: userID)
        if let declared = app.user, !app.accepts(stored) {
            throw ServiceError(
                .authentication, service: flow.service,
                message: "\(request.key.tenant) declares catalog.user \(declared), but the login signed in as "
                    + "\(user ?? userID ?? "another account"); nothing was stored. Sign in as \(declared) (sign the "
                    + "browser out of \(flow.service) first), or change catalog.user")
        }
        try await context.tokenStore.update(app.storeKey, migrating: app.legacyKeys([request.key] + tenants)) {
            (entry) throws(ServiceError) in
            entry = stored
        }
        return stored
    }

    /// The account a new token belongs to, as (name, id): Exact's `/current/Me` (`UserName`, `UserID`), Sage's
    /// `requested_by_id` from the token answer.
    private func account(_ approval: AuthorizationCodeFlow.Approval) async throws(ServiceError) -> (String?, String?) {
        guard request.key.integration == .exactOnline else { return (approval.requestedBy, nil) }
        let url = "\(flow.endpoints.api)/current/Me?$select=UserID,UserName"
        let headers: HTTPHeaders = ["Authorization": "Bearer \(approval.token.value)", "Accept": "application/json"]
        let me = try await http.send(.get(url, headers: headers)).requireSuccess().json()
        let first = ListEnvelope.exactOnline.firstRecord(in: me)
        return (first?["UserName"]?.string, first?["UserID"]?.string)
    }
}
