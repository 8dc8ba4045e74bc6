/// Where each service is reached when not at its real address, and with which apps: the built-in sandbox.
public struct ServiceOverrides: Sendable, Hashable {
    /// Halo's base URL and API app.
    public var halo: HaloConnection
    /// Per integration: the base URL and haloform's catalog app (client id and secret).
    public var catalogs: [Integration: CatalogOverride]

    /// Creates overrides.
    public init(halo: HaloConnection, catalogs: [Integration: CatalogOverride]) {
        self.halo = halo
        self.catalogs = catalogs
    }
}

/// One accounting system's stand-in address and app.
public struct CatalogOverride: Sendable, Hashable {
    /// The base URL to use instead of the real service.
    public var baseURL: String
    /// The catalog app's client id.
    public var clientID: String
    /// Its secret.
    public var clientSecret: String
    /// Business Central's Entra tenant at the stand-in.
    public var azureTenantID: String?

    /// Creates an override.
    public init(baseURL: String, clientID: String, clientSecret: String, azureTenantID: String? = nil) {
        self.baseURL = baseURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.azureTenantID = azureTenantID
    }
}

extension RemoteStateRequest {
    /// What to fetch to plan `config`: the collections of its declared integrations and one catalog per tenant,
    /// credentials resolved from `environment`; or the located reasons it cannot be built.
    public static func make(
        for config: Config, environment: ConfigEnvironment, overrides: ServiceOverrides? = nil
    ) -> Result<RemoteStateRequest, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        func resolve(_ value: Located<ConfigString>?, _ key: String) -> String? {
            guard let value else { return nil }
            switch environment.resolve(value, key: key) {
            case .success(let text): return text
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
        var halo = overrides?.halo
        if halo == nil, let settings = config.halo, let url = settings.url?.value {
            let id = resolve(settings.clientID, "client_id"), secret = resolve(settings.clientSecret, "client_secret")
            if let id, let secret {
                halo = HaloConnection(url: url, clientID: id, clientSecret: secret, tenant: settings.tenant?.value)
            }
        }
        var collections: Set<HaloCollection> = [.features, .control, .tax, .assetGroup, .topLevel]
        var includeClients = false
        var catalogs: [CatalogRequest] = []
        for integration in config.declaredIntegrations {
            collections.insert(integration.integration.detailsCollection)
            for tenant in integration.tenants {
                includeClients = includeClients || !(tenant.customers?.mappings.isEmpty ?? true)
                // A coverage rule needs each customer's top level and whether it is active.
                if tenant.customers?.requirement != nil { collections.insert(.client) }
                var request = CatalogRequest(key: CatalogKey(integration.integration, tenant.name.value))
                if let override = overrides?.catalogs[integration.integration] {
                    request.baseURL = override.baseURL
                    request.clientID = override.clientID
                    request.clientSecret = override.clientSecret
                    request.azureTenantID = override.azureTenantID
                } else {
                    request.clientID = resolve(tenant.catalogClientID, "catalog.client_id")
                    request.clientSecret = resolve(tenant.catalogClientSecret, "catalog.client_secret")
                    request.azureTenantID = resolve(tenant.azureTenantID, "azure_tenant_id")
                }
                request.exactLocation = tenant.location?.value.rawValue
                request.exactDivision = tenant.division?.value
                request.environment = tenant.environment?.value
                request.company = tenant.company?.value
                request.business = tenant.business?.value
                request.user = tenant.catalogUser?.value
                catalogs.append(request)
            }
        }
        guard let halo, diagnostics.isEmpty else {
            if halo == nil && diagnostics.isEmpty {
                diagnostics.append(
                    .error("no Halo connection: 'halo' needs url, client_id and client_secret", at: config.halo?.range))
            }
            return .failure(DiagnosticList(diagnostics))
        }
        return .success(
            RemoteStateRequest(halo: halo, collections: collections, includeClients: includeClients, catalogs: catalogs)
        )
    }
}
