/// A key node and its value node.
public struct YAMLPair: Sendable {
    /// The key, usually a plain scalar.
    public var key: YAMLNode
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
