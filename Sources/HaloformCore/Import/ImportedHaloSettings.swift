/// The `halo:` block to write into an imported root's `halo.yaml`.
public struct ImportedHaloSettings: Sendable, Hashable {
    /// The instance's address, or `sandbox:PATH`.
    public var url: String
    /// haloform's API application id, as the source config gives it.
    public var clientID: ConfigString?
    /// Its secret's variable.
    public var clientSecret: ConfigString?
    /// The hosted tenant.
    public var tenant: String?

    /// Creates settings.
    public init(url: String, clientID: ConfigString? = nil, clientSecret: ConfigString? = nil, tenant: String? = nil) {
        self.url = url
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tenant = tenant
    }
}
