/// A scalar's text, unresolved: the decoder decides whether `3` is a number or a string.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written.
    public enum Style: Sendable, Hashable {
        /// Unquoted: `3`, `true`, `Acme BV`.
        case plain
        /// In single quotes: `'3'`.
        case singleQuoted
        /// In double quotes, with escapes: `"3"`.
        case doubleQuoted
        /// A `|` block that keeps its line breaks.
        case literal
        /// A `>` block that folds its line breaks into spaces.
        case folded
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
