/// A config root written from what Halo holds: its files and what the reader should know about them.
public struct ImportedConfig: Sendable, Hashable {
    /// The files, `halo.yaml` first when written, then one per integration.
    public var files: [ImportedFile]
    /// What could not be written faithfully, or will not validate or plan cleanly as Halo holds it.
    public var notes: [String]
}
