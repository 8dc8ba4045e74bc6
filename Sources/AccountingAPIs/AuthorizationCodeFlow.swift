import Foundation
import HaloformCore
import JSONText
import NIOHTTP1
import ServiceTransport

/// The OAuth2 authorization-code login Exact Online and Sage require: a person approves haloform in a browser,
/// the service redirects to a loopback URL with a code, and the code buys the first (rotating) refresh token.
public struct AuthorizationCodeFlow: Sendable {
    /// The integration.
    public let integration: Integration
    /// The service's name.
    public var service: String { integration.displayName }
    /// The endpoints.
    public let endpoints: AccountingEndpoints
    /// haloform's app registration.
    public let clientID: String
    /// Its secret.
    let clientSecret: String
    /// The loopback URL the service redirects to.
    public let redirectURI: String
    /// The account the tenant declares (`catalog.user`), sent as `login_hint`; nil for none.
    public let user: String?

    /// What a code buys: the tokens, and the account the token answer names (Sage's `requested_by_id`).
    public struct Approval: Sendable {
        /// The access and first refresh token.
        public let token: AccessToken
        /// The approving user's id, when the answer names one.
        public let requestedBy: String?
    }

    /// The default redirect, which a real app registration must list: `http://localhost:8400/<system>/callback`.
    public static func defaultRedirectURI(for integration: Integration, port: Int = 8400) -> String {
        let system =
            switch integration {
            case .exactOnline: "exact"
            case .businessCentral: "bc"
            case .sageBusinessCloud: "sage"
            }
        return "http://localhost:\(port)/\(system)/callback"
    }

    /// A flow for a catalog request.
    public init(_ request: CatalogRequest, redirectURI: String? = nil) throws(ServiceError) {
        guard let clientID = request.clientID, !clientID.isEmpty else {
            throw AccountingEndpoints.missing("catalog.client_id", request)
        }
        guard let secret = request.clientSecret, !secret.isEmpty else {
            throw AccountingEndpoints.missing("catalog.client_secret", request)
        }
        endpoints = try AccountingEndpoints(request)
        guard endpoints.authorize != nil else {
            throw ServiceError(
                .configuration, service: request.key.integration.displayName,
                message: "\(request.key.integration.displayName) logs in with client credentials")
        }
        SecretRedactor.shared.register(secret)
        integration = request.key.integration
        self.clientID = clientID
        clientSecret = secret
        self.redirectURI = redirectURI ?? Self.defaultRedirectURI(for: request.key.integration)
        user = request.user
    }

    /// The URL a person opens to approve haloform.
    public func authorizationURL(state: String) -> String {
        let authorize = endpoints.authorize ?? ""
        var fields = [
            ("client_id", clientID), ("redirect_uri", redirectURI), ("response_type", "code"), ("state", state),
        ]
        // Sage asks which access; haloform only reads catalogs, so it asks for no more than that.
        if integration == .sageBusinessCloud { fields.append(("scope", "readonly")) }
        // The usual OpenID hint: a service that knows it fills the login form in, one that does not ignores it.
        if let user { fields.append(("login_hint", user)) }
        return authorize + (authorize.contains("?") ? "&" : "?") + FormEncoding.encode(fields)
    }

    /// Exchanges the code from the redirect for tokens.
    public func exchange(code: String, using http: HTTPService) async throws(ServiceError) -> Approval {
        SecretRedactor.shared.register(code)
        let (token, response) = try await tokenRequest(
            [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
                ("client_id", clientID), ("client_secret", clientSecret),
            ], using: http)
        let requestedBy = (try? response.json())?.object?["requested_by_id"]?.string
        return Approval(token: token, requestedBy: requestedBy.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Spends a refresh token for a new access token and the next refresh token.
    public func refresh(_ refreshToken: String, using http: HTTPService) async throws(ServiceError) -> AccessToken {
        try await tokenRequest(
            [
                ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", clientID),
                ("client_secret", clientSecret),
            ], using: http
        ).token
    }

    /// Against the sandbox, whose authorize endpoint approves at once: requests the authorization URL and reads
    /// the redirect it answers with, as a browser would follow it. Returns the redirect's URL.
    public func approveWithoutBrowser(state: String, using http: HTTPService) async throws(ServiceError) -> String {
        guard endpoints.isLoopback else {
            throw ServiceError(
                .configuration, service: service,
                message: "a login without a browser works only against the sandbox; run `haloform login`")
        }
        let response = try await http.send(.get(authorizationURL(state: state), headers: ["Accept": "text/html"]))
        guard (300..<400).contains(response.status), let location = response.headers.first(name: "Location") else {
            throw ServiceError(
                .authentication, service: service, status: response.status,
                message: "the authorization endpoint did not redirect with a code", body: response.text)
        }
        return location
    }

    /// The code in a redirect URL, checking its state; a refusal (`error=`) becomes an error.
    public func code(fromRedirect url: String, state: String) throws(ServiceError) -> String {
        let items = URLComponents(string: url)?.queryItems ?? []
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        if let error = value("error") {
            throw ServiceError(
                .authentication, service: service,
                message: "the login was refused: \(error) \(value("error_description") ?? "")")
        }
        guard value("state") == state else {
            throw ServiceError(.authentication, service: service, message: "the redirect's state does not match")
        }
        guard let code = value("code"), !code.isEmpty else {
            throw ServiceError(.authentication, service: service, message: "the redirect carries no code")
        }
        SecretRedactor.shared.register(code)
        return code
    }

    private func tokenRequest(_ fields: [(String, String)], using http: HTTPService) async throws(ServiceError)
        -> (token: AccessToken, response: ServiceResponse)
    {
        let request = ServiceRequest.postForm(endpoints.token, fields)
        let issuedAt = http.configuration.clock.now
        // Not idempotent: a refresh token spent by a request whose answer was lost is gone, so such a request
        // must not be repeated blindly; the HTTP discipline repeats it only when the server provably did not act.
        let response = try await http.send(request)
        guard response.isSuccess else {
            throw ServiceError(
                .authentication, service: service, status: response.status, request: request.display,
                message: "the token endpoint refused the request", body: response.text, attempts: 1)
        }
        let token = try AccessToken.read(response, issuedAt: issuedAt)
        guard token.refreshToken != nil else { throw response.invalid("the token answer has no refresh_token") }
        return (token, response)
    }
}
