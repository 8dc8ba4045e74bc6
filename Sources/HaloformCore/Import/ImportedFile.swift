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
