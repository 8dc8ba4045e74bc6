/// One-to-one mapping rules: a Halo record maps to one accounting record, and back; product groups excepted.
enum MappingRules {
    static func check(_ integration: IntegrationConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let system = integration.integration.displayName
        let lists: [(noun: String, list: (TenantConfig) -> MappingList?, why: String)] = [
            ("customer", \.customers, "a Halo customer mapped twice is overwritten by whichever mapping syncs last"),
            ("tax rate", \.taxRates, "a Halo tax rate holds one \(system) tax code"),
        ]
        let tenants = integration.tenants
        for (noun, list, why) in lists {
            // Across the integration: one Halo record, one mapping. Positions, not copies, keep 100,000 mappings cheap.
            var firstHalo: [HaloReference: (tenant: Int, mapping: Int)] = [:]
            firstHalo.reserveCapacity(tenants.reduce(0) { $0 + (list($1)?.mappings.count ?? 0) })
            for (t, tenant) in tenants.enumerated() {
                guard let mappings = list(tenant)?.mappings else { continue }
                for m in mappings.indices {
                    let halo = mappings[m].halo.value
                    if let first = firstHalo[halo] {
                        let firstMapping = list(tenants[first.tenant])!.mappings[first.mapping]
                        let place = first.tenant == t ? "" : " (in tenant '\(tenants[first.tenant].name.value)')"
                        diagnostics.append(
                            .error(
                                "Halo \(noun) \(halo) is mapped twice in \(integration.integration.key)",
                                at: mappings[m].halo.range,
                                notes: [.init("first mapped here\(place)", at: firstMapping.halo.range), .init(why)]
                            ))
                    } else {
                        firstHalo[halo] = (t, m)
                    }
                }
                diagnostics += codesMappedOnce(mappings, noun: noun, tenant: tenant, system: system)
            }
        }
        // Item groups of several tenants may all import into one Halo product group ("two Exact divisions importing
        // into Hardware"); within a tenant, a group fed by two item groups only blurs the way back.
        for tenant in tenants {
            Duplicates.find(in: tenant.groupAccounts?.value ?? [], key: { $0.group.value }) { second, first in
                diagnostics.append(
                    .error(
                        "Halo product group \(second.group.value) has two group_accounts entries in tenant '\(tenant.name.value)'",
                        at: second.group.range,
                        notes: [
                            .init("first given here", at: first.group.range),
                            .init("Halo keeps one entry per accounting tenant on a group"),
                        ]
                    ))
            }
            guard let mappings = tenant.productGroups?.mappings else { continue }
            diagnostics += codesMappedOnce(mappings, noun: "item group", tenant: tenant, system: system)
            Duplicates.find(in: mappings, key: { $0.halo.value }) { second, first in
                diagnostics.append(
                    .warning(
                        "Halo product group \(second.halo.value) takes two \(system) item groups in tenant '\(tenant.name.value)', '\(first.code.value)' and '\(second.code.value)'",
                        at: second.halo.range,
                        notes: [
                            .init("first mapped here", at: first.halo.range),
                            .init(
                                "items of both import into it, but a product created in Halo in that group has no one item group to sync to \(system) with, and a later import can move items between the two"
                            ),
                        ]
                    ))
            }
        }
        return diagnostics
    }

    /// Within a tenant: one accounting code, one Halo record.
    private static func codesMappedOnce(_ mappings: [Mapping], noun: String, tenant: TenantConfig, system: String)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        Duplicates.find(in: mappings, key: { $0.code.value }) { second, first in
            diagnostics.append(
                .error(
                    "\(system) \(noun) '\(second.code.value)' is mapped to two Halo records in tenant '\(tenant.name.value)'",
                    at: second.code.range,
                    notes: [.init("first mapped here, to \(first.halo.value)", at: first.code.range)]
                ))
        }
        return diagnostics
    }
}
