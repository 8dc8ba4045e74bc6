/// One-to-one mapping rules: a Halo record maps to one accounting record, and back.
enum MappingRules {
    static func check(_ integration: IntegrationConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lists: [(noun: String, list: (TenantConfig) -> MappingList?, why: String)] = [
            ("customer", \.customers, "a Halo customer mapped twice is overwritten by whichever mapping syncs last"),
            ("product group", \.productGroups, "a Halo product group takes one accounting item group"),
            ("tax rate", \.taxRates, "a Halo tax rate holds one \(integration.integration.displayName) tax code"),
        ]
        let tenants = integration.tenants
        for (noun, list, why) in lists {
            // Across the integration: one Halo record, one mapping. Positions, not copies, keep 100,000 mappings cheap.
            var firstHalo: [HaloReference: (tenant: Int, mapping: Int)] = [:]
            firstHalo.reserveCapacity(tenants.reduce(0) { $0 + (list($1)?.mappings.count ?? 0) })
            for (t, tenant) in tenants.enumerated() {
                guard let mappings = list(tenant)?.mappings else { continue }
                var firstCode: [String: Int] = [:]
                firstCode.reserveCapacity(mappings.count)
                for (m, mapping) in mappings.enumerated() {
                    if let first = firstHalo[mapping.halo.value] {
                        let firstMapping = list(tenants[first.tenant])!.mappings[first.mapping]
                        let place = first.tenant == t ? "" : " (in tenant '\(tenants[first.tenant].name.value)')"
                        diagnostics.append(.error(
                            "Halo \(noun) \(mapping.halo.value) is mapped twice in \(integration.integration.key)",
                            at: mapping.halo.range,
                            notes: [.init("first mapped here\(place)", at: firstMapping.halo.range), .init(why)]
                        ))
                    } else {
                        firstHalo[mapping.halo.value] = (t, m)
                    }
                    // Within a tenant: one accounting code, one Halo record.
                    if let first = firstCode[mapping.code.value] {
                        diagnostics.append(.error(
                            "\(integration.integration.displayName) \(noun) '\(mapping.code.value)' is mapped to two Halo records in tenant '\(tenant.name.value)'",
                            at: mapping.code.range,
                            notes: [.init("first mapped here, to \(mappings[first].halo.value)", at: mappings[first].code.range)]
                        ))
                    } else {
                        firstCode[mapping.code.value] = m
                    }
                }
            }
        }
        return diagnostics
    }
}
