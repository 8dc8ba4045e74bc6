/// What to fetch for one plan: which Halo collections and which tenants' catalogs, with credentials resolved.
public struct RemoteStateRequest: Sendable, Hashable {
    /// How to reach Halo.
    public var halo: HaloConnection
    /// The Halo configuration collections to read (the `*Details` of declared integrations, `Tax`, `Features`, …).
    public var collections: Set<HaloCollection>
    /// Whether to read `/Client` (needed when any customer mapping is declared).
    public var includeClients: Bool
    /// The catalogs to read, one per declared tenant.
    public var catalogs: [CatalogRequest]

    /// Creates a request.
    public init(
        halo: HaloConnection, collections: Set<HaloCollection>, includeClients: Bool, catalogs: [CatalogRequest]
    ) {
        self.halo = halo
        self.collections = collections
        self.includeClients = includeClients
        self.catalogs = catalogs
    }
}

/// How to reach and log in to a Halo instance.
public struct HaloConnection: Sendable, Hashable {
    /// The instance's base URL (`https://acme.halopsa.com`); `/api` and `/auth` hang below it.
    public var url: String
    /// The API application's client id.
    public var clientID: String
    /// The API application's client secret.
    public var clientSecret: String
    /// The hosted tenant, if any (`?tenant=` on the token request).
    public var tenant: String?

    /// Creates a connection.
    public init(url: String, clientID: String, clientSecret: String, tenant: String? = nil) {
        self.url = url
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tenant = tenant
    }
}

/// How to read one tenant's catalog from its accounting system.
public struct CatalogRequest: Sendable, Hashable {
    /// Which integration and tenant.
    public var key: CatalogKey
    /// The accounting system's base URL, when overridden (the sandbox); nil means the real service.
    public var baseURL: String?
    /// haloform's own app registration for reading (the tenant's `catalog:`), resolved.
    public var clientID: String?
    /// Its secret, resolved.
    public var clientSecret: String?
    /// Exact Online's region (`nl`, `be`, …), which picks the host.
    public var exactLocation: String?
    /// The Exact division to read.
    public var exactDivision: Int?
    /// Business Central's Entra tenant id.
    public var azureTenantID: String?
    /// Business Central's environment name.
    public var environment: String?
    /// Business Central's company name.
    public var company: String?
    /// Sage's business name.
    public var business: String?
    /// Whether to read what identifies each customer (VAT, registration number, e-mail) too, for `suggest`.
    public var customerDetails = false
    /// Exact Online and Sage: the account the reading login signs in as (`catalog.user`); nil for the app's one login.
    public var user: String?

    /// Creates a request for `key`; set the fields its integration needs.
    public init(key: CatalogKey) {
        self.key = key
    }
}
