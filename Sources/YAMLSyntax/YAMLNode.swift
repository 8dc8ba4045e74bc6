/// One node of a YAML document, with where it stands in its file.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar's text and the style it was written in.
        case scalar(YAMLScalar)
        /// A sequence's items, in order.
        case sequence([YAMLNode])
        /// A mapping's pairs, in order, keys kept as nodes so errors can point at them.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node stands: a flow collection's range ends after its closing bracket, a block one's with its last item.
    public var range: SourceRange
    /// The explicit tag, if the source gave one (`!!str`, `!custom`).
    public var tag: String?

    /// Creates a node.
    public init(_ content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The node's kind in words, for messages such as "expected a string, found a mapping".
    public var kindDescription: String {
        switch content {
        case .scalar(let scalar): return scalar.kindDescription
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// The number of nodes in this subtree, this one included.
    public var nodeCount: Int {
        switch content {
        case .scalar: return 1
        case .sequence(let items): return items.reduce(1) { $0 + $1.nodeCount }
        case .mapping(let pairs): return pairs.reduce(1) { $0 + $1.key.nodeCount + $1.value.nodeCount }
        }
    }
}
