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
        let what = list == .customers ? "active Halo customer '\(key)'" : "\(tenant.integration.displayName) item group '\(key)' (\(name))"
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
            tenant: CatalogKey(try container.decode(Integration.self, forKey: .integration), try container.decode(String.self, forKey: .tenant)),
            list: try container.decode(SuggestedList.self, forKey: .list), key: try container.decode(String.self, forKey: .key),
            name: try container.decode(String.self, forKey: .name), rule: try container.decode(String.self, forKey: .rule),
            isError: try container.decode(Bool.self, forKey: .error))
    }
}

/// The coverage rules of a config, checked against what Halo and the catalogs hold.
public enum Coverage {
    /// Records grouped by tenant (as `exact_online.tenant["exact-nl"]`), in their order.
    public static func byTenant(_ records: [UncoveredRecord]) -> [(String, [UncoveredRecord])] {
        var groups: [(String, [UncoveredRecord])] = []
        for record in records {
            if groups.last?.0 == record.tenant.description { groups[groups.count - 1].1.append(record) } else {
                groups.append((record.tenant.description, [record]))
            }
        }
        return groups
    }

    /// Every uncovered record, by tenant in the config's order, then list, then key.
    public static func uncovered(config: Config, state: RemoteState) -> [UncoveredRecord] {
        let suggester = MappingSuggester(config: config, state: state)
        let customers = MappingSuggester.haloCustomers(state[.client])
        var found: [UncoveredRecord] = []
        for integration in config.declaredIntegrations {
            for tenant in integration.tenants {
                if let list = tenant.customers, let rule = list.requirement {
                    found += suggester.uncoveredCustomers(tenant, customers: customers).sorted { $0.key < $1.key }.map {
                        UncoveredRecord(tenant: tenant.key, list: .customers, key: $0.key, name: $0.name,
                                        rule: rule.range.description, isError: list.severity?.value == .error)
                    }
                }
                if let list = tenant.productGroups, let rule = list.requirement {
                    found += suggester.uncoveredGroups(tenant).sorted { $0.key < $1.key }.map {
                        UncoveredRecord(tenant: tenant.key, list: .productGroups, key: $0.key, name: $0.name,
                                        rule: rule.range.description, isError: list.severity?.value == .error)
                    }
                }
            }
        }
        return found
    }
}
