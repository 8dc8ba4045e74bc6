/// A config root written from what Halo holds: its files and what the reader should know about them.
public struct ImportedConfig: Sendable, Hashable {
    /// The files, `halo.yaml` first when written, then one per integration.
    public var files: [ImportedFile]
    /// What could not be written faithfully, or will not validate or plan cleanly as Halo holds it.
    public var notes: [String]
}

/// One file of an imported config root.
public struct ImportedFile: Sendable, Hashable {
    /// The file's name in the root (`exact-online.yaml`).
    public var name: String
    /// Its YAML text.
    public var text: String

    /// Creates a file.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

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
