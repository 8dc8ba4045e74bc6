import Foundation
import HaloformCore
import ServiceTransport

/// Where one tenant's accounting system answers: its API root and its OAuth endpoints, from the real services'
/// hosts or from `CatalogRequest.baseURL` (the sandbox's `…/exact-online`, `…/business-central`, `…/sage`).
public struct AccountingEndpoints: Sendable, Hashable {
    /// The REST root (`…/api/v1` for Exact, `…/api/v2.0` for Business Central, `…/v3.1` for Sage).
    public var api: String
    /// The token endpoint.
    public var token: String
    /// The authorization endpoint (the authorization-code flow); nil for Business Central's client credentials.
    public var authorize: String?
    /// Whether the endpoints are overridden to point at this machine (the sandbox).
    public var isLoopback: Bool

    /// The endpoints for a catalog request.
    public init(_ request: CatalogRequest) throws(ServiceError) {
        let override = request.baseURL.map(Self.trimmed)
        let integration = request.key.integration
        switch integration {
        case .exactOnline:
            let host = override ?? "https://start.exactonline.\(Self.exactDomain(request.exactLocation))"
            api = host + "/api/v1"
            token = host + "/api/oauth2/token"
            authorize = host + "/api/oauth2/auth"
        case .businessCentral:
            guard let tenant = request.azureTenantID, !tenant.isEmpty else {
                throw Self.missing("azure_tenant_id", request)
            }
            guard let environment = request.environment, !environment.isEmpty else {
                throw Self.missing("environment", request)
            }
            let apiHost = override ?? "https://api.businesscentral.dynamics.com"
            let loginHost = override ?? "https://login.microsoftonline.com"
            api = "\(apiHost)/v2.0/\(FormEncoding.escape(tenant))/\(FormEncoding.escape(environment))/api/v2.0"
            token = "\(loginHost)/\(FormEncoding.escape(tenant))/oauth2/v2.0/token"
            authorize = nil
        case .sageBusinessCloud:
            api = (override ?? "https://api.accounting.sage.com") + "/v3.1"
            token = (override ?? "https://oauth.accounting.sage.com") + "/token"
            authorize = (override ?? "https://www.sageone.com") + "/oauth2/auth/central?filter=apiv3.1"
        }
        isLoopback = override.map(TransportSecurity.isLoopback(url:)) ?? false
        for url in [api, token] + (authorize.map { [$0] } ?? []) {
            try TransportSecurity.check(url, service: integration.displayName)
        }
    }

    private static func trimmed(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Exact's country host: `nl` → `start.exactonline.nl`, `uk` → `.co.uk`, `us` → `.com`.
    static func exactDomain(_ location: String?) -> String {
        switch location?.lowercased() ?? "nl" {
        case "uk", "gb": "co.uk"
        case "us": "com"
        case let other where ["nl", "be", "de", "fr", "es"].contains(other): other
        default: "nl"
        }
    }

    static func missing(_ field: String, _ request: CatalogRequest) -> ServiceError {
        ServiceError(
            .configuration, service: request.key.integration.displayName,
            message: "\(request.key) needs '\(field)' to read its catalog")
    }
}
