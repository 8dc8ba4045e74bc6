import Foundation

/// The OAuth2 client-credentials grant, form-encoded, as Halo and Microsoft Entra (Business Central) take it.
public struct ClientCredentialsGrant: Sendable {
    /// The app's client id.
    public let clientID: String
    /// The app's secret.
    let clientSecret: String
    /// The scope asked for.
    public let scope: String

    /// A grant for an app; the secret is registered with the redactor at once.
    public init(clientID: String, clientSecret: String, scope: String, redactor: SecretRedactor = .shared) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
        redactor.register(clientSecret)
    }

    /// A new token from `tokenURL`.
    public func fetch(tokenURL: String, using service: HTTPService) async throws(ServiceError) -> AccessToken {
        var request = ServiceRequest.postForm(
            tokenURL,
            [
                ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret),
                ("scope", scope),
            ])
        // Asking for a token twice does no harm, so a broken connection may be retried.
        request.isIdempotent = true
        let issuedAt = service.configuration.clock.now
        let response = try await service.send(request)
        guard response.isSuccess else {
            throw ServiceError(
                .authentication, service: service.configuration.name, status: response.status,
                request: request.display, message: "the token endpoint refused the client credentials",
                body: response.text, attempts: 1, redactor: service.configuration.redactor)
        }
        return try AccessToken.read(response, issuedAt: issuedAt, redactor: service.configuration.redactor)
    }
}
