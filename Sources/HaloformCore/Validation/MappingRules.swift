/// One-to-one mapping rules: a Halo record maps to one accounting record, and back.
enum MappingRules {
    static func check(_ integration: IntegrationConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lists: [(noun: String, list: (TenantConfig) -> MappingList?, why: String)] = [
            ("customer", \.customers, "a Halo customer mapped twice is overwritten by whichever mapping syncs last"),
            ("product group", \.productGroups, "a Halo product group takes one accounting item group"),
            ("tax rate", \.taxRates, "a Halo tax rate holds one \(integration.integration.displayName) tax code"),
        ]
        for (noun, list, why) in lists {
            // Across the integration: one Halo record, one mapping.
            let all = integration.tenants.flatMap { tenant in (list(tenant)?.mappings ?? []).map { (tenant, $0) } }
            Duplicates.find(in: all, key: { $0.1.halo.value }) { second, first in
                let place = first.0.name == second.0.name ? "" : " (in tenant '\(first.0.name.value)')"
                diagnostics.append(.error(
                    "Halo \(noun) \(second.1.halo.value) is mapped twice in \(integration.integration.key)",
                    at: second.1.halo.range,
                    notes: [.init("first mapped here\(place)", at: first.1.halo.range), .init(why)]
                ))
            }
            // Within a tenant: one accounting code, one Halo record.
            for tenant in integration.tenants {
                Duplicates.find(in: list(tenant)?.mappings ?? [], key: { $0.code.value }) { second, first in
                    diagnostics.append(.error(
                        "\(integration.integration.displayName) \(noun) '\(second.code.value)' is mapped to two Halo records in tenant '\(tenant.name.value)'",
                        at: second.code.range,
                        notes: [.init("first mapped here, to \(first.halo.value)", at: first.code.range)]
                    ))
                }
            }
        }
        return diagnostics
    }
}
