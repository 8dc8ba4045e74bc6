import YAMLSyntax

/// A record a coverage rule (`require: all_active`) demands a mapping for and the config does not map or let go.
public struct UncoveredRecord: Sendable, Hashable, Decodable {
    /// The tenant whose rule it is.
    public var tenant: CatalogKey
    /// Which list must cover it.
    public var list: SuggestedList
    /// What the config would write for it: the Halo customer's name, or the item group's code.
    public var key: String
    /// Its name.
    public var name: String
    /// Where the rule is written, as `file:line:column`.
    public var rule: String
    /// Whether it fails the run (`coverage: error`).
    public var isError: Bool

    /// The reason, which the rule's location (`rule`) precedes wherever it is printed.
    public var reason: String {
        let what =
            list == .customers
            ? "active Halo customer '\(key)'" : "\(tenant.integration.displayName) item group '\(key)' (\(name))"
        return "\(what) is in no \(list.path) entry and not under unmapped_ok"
    }
}

extension UncoveredRecord {
    enum CodingKeys: String, CodingKey {
        case integration, tenant, list, key, name, rule, error
    }

    /// Reads one entry of a plan document's `uncovered`, as `PlanJSONRenderer` writes it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tenant: CatalogKey(
                try container.decode(Integration.self, forKey: .integration),
                try container.decode(String.self, forKey: .tenant)),
            list: try container.decode(SuggestedList.self, forKey: .list),
            key: try container.decode(String.self, forKey: .key),
            name: try container.decode(String.self, forKey: .name),
            rule: try container.decode(String.self, forKey: .rule),
            isError: try container.decode(Bool.self, forKey: .error))
    }
}
