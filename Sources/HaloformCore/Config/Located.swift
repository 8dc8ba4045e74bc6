public import YAMLSyntax

/// A value and where the config wrote it, so any later error can point there.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it was written.
    public var range: SourceRange

    /// Creates a located value.
    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A string the config gives literally or as `${env:NAME}`, resolved when a plan needs it.
public enum ConfigString: Sendable, Hashable {
    /// The text as written.
    case literal(String)
    /// The value of an environment variable.
    case environment(String)

    /// Parses `${env:NAME}`; anything else is a literal. Nil for a malformed reference.
    static func parse(_ text: String) -> ConfigString? {
        guard text.contains("${") else { return .literal(text) }
        guard text.hasPrefix("${env:"), text.hasSuffix("}") else { return nil }
        let name = String(text.dropFirst(6).dropLast())
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic && first.isASCII,
            name.unicodeScalars.allSatisfy({
                $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
            })
        else { return nil }
        return .environment(name)
    }
}

/// A reference to a Halo record, written as its name or, when names are ambiguous, its id.
public enum HaloReference: Sendable, Hashable, CustomStringConvertible {
    /// By name, as a reviewer reads it.
    case name(String)
    /// By Halo id (`halo_id: 12`).
    case id(Int)

    public var description: String {
        switch self {
        case .name(let name): "'\(name)'"
        case .id(let id): "halo_id \(id)"
        }
    }
}
