import YAMLSyntax

/// The coverage rules of a config, checked against what Halo and the catalogs hold.
public enum Coverage {
    /// Records grouped by tenant (as `exact_online.tenant["exact-nl"]`), in their order.
    public static func byTenant(_ records: [UncoveredRecord]) -> [(String, [UncoveredRecord])] {
        var groups: [(String, [UncoveredRecord])] = []
        for record in records {
            if groups.last?.0 == record.tenant.description {
                groups[groups.count - 1].1.append(record)
            } else {
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
                        UncoveredRecord(
                            tenant: tenant.key, list: .customers, key: $0.key, name: $0.name,
                            rule: rule.range.description, isError: list.severity?.value == .error)
                    }
                }
                if let list = tenant.productGroups, let rule = list.requirement {
                    found += suggester.uncoveredGroups(tenant).sorted { $0.key < $1.key }.map {
                        UncoveredRecord(
                            tenant: tenant.key, list: .productGroups, key: $0.key, name: $0.name,
                            rule: rule.range.description, isError: list.severity?.value == .error)
                    }
                }
            }
        }
        return found
    }
}
