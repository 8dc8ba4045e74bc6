/// A configuration file's path and bytes, read by the caller: the core never touches the disk.
public struct SourceFile: Sendable, Hashable {
    /// The path as it should appear in messages.
    public var path: String
    /// The file's contents.
    public var bytes: [UInt8]

    /// Creates a source file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a source file from text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
