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
    /// Where the node stands; a collection's range ends at its last item.
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

/// A scalar's text, unresolved: the decoder decides whether `3` is a number or a string.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text after YAML's escapes and folding.
    public var value: String
    /// How it was written; any style but `plain` makes it a string.
    public var style: Style

    /// Creates a scalar.
    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }

    /// Whether the scalar is a plain YAML null (`~`, `null`, or nothing at all).
    public var isNull: Bool {
        style == .plain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    /// The scalar's kind in words, as a plain scalar would resolve in YAML 1.2's core schema.
    public var kindDescription: String {
        guard style == .plain else { return "a string" }
        if isNull { return "null" }
        if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(value) { return "a boolean" }
        if Int(value) != nil { return "an integer" }
        if Double(value) != nil { return "a number" }
        return "a string"
    }
}
