import HaloformCore
import JSONText
import ServiceTransport

/// Logs in to Halo with client credentials: the token URL is `<host>/auth/token` for a self-hosted instance, and
/// `<auth_url>/token?tenant=` for a hosted one, `auth_url` read from `GET /api/authinfo`.
struct HaloTokenSource: Sendable {
    let grant: ClientCredentialsGrant
    let tenant: String?
    let baseURL: String
    let service: HTTPService

    init(connection: HaloConnection, baseURL: String, service: HTTPService) {
        grant = ClientCredentialsGrant(
            clientID: connection.clientID, clientSecret: connection.clientSecret, scope: "all",
            redactor: service.configuration.redactor)
        tenant = connection.tenant
        self.baseURL = baseURL
        self.service = service
    }

    /// A new token from the token endpoint.
    func fetch() async throws(ServiceError) -> AccessToken {
        try await grant.fetch(tokenURL: try await tokenURL(), using: service)
    }

    private func tokenURL() async throws(ServiceError) -> String {
        guard let tenant, !tenant.isEmpty else { return baseURL + "/auth/token" }
        let query = "?tenant=" + FormEncoding.escape(tenant)
        let info = try await service.send(.get(baseURL + "/api/authinfo"))
        if info.isSuccess, let authURL = try? info.json().object?["auth_url"]?.string, !authURL.isEmpty {
            let trimmed = authURL.hasSuffix("/") ? String(authURL.dropLast()) : authURL
            return trimmed + "/token" + query
        }
        return baseURL + "/auth/token" + query
    }
}
