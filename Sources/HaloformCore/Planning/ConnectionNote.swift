/// A declared tenant that cannot sync, or soon will not, because of its connection: shown with every plan.
public struct ConnectionNote: Sendable, Hashable, Decodable {
    /// The tenant's address (`exact_online.tenant["exact-nl"]`).
    public var tenant: String
    /// Its integration.
    public var integration: Integration
    /// Not connected, expired or expiring.
    public var status: TenantConnection.Status
    /// When its token expires (or expired), when Halo says.
    public var tokenExpiry: Timestamp?
    /// The state in words.
    public var message: String
    /// What to do in Halo, in the guide's words.
    public var fix: String

    /// The note for a tenant's connection, nil when it is connected for longer than the warning window.
    public init?(tenant: TenantConfig, connection: TenantConnection, now: Timestamp) {
        guard connection.status != .connected else { return nil }
        self.tenant = tenant.address
        integration = tenant.integration
        status = connection.status
        tokenExpiry = connection.tokenExpiry
        message = connection.situation(now: now)
        fix = connection.fix(tenant.integration, tenant: tenant.name.value)
    }

    enum CodingKeys: String, CodingKey {
        case tenant, integration, status, message, fix
        case tokenExpiry = "token_expiry"
    }
}
