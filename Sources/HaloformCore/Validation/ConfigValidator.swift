/// Checks the rules Halo's guides state across a whole merged config, collecting every problem.
struct ConfigValidator {
    /// The config to check.
    let config: Config

    /// Every rule's findings.
    func validate() -> [Diagnostic] {
        var diagnostics = HaloRules.check(
            config.halo, managesHalo: !config.integrations.isEmpty || config.billing != nil)
        for integration in config.declaredIntegrations {
            diagnostics += TenantRules.check(integration)
            diagnostics += MappingRules.check(integration)
            diagnostics += SyncRules.check(integration)
        }
        return diagnostics
    }
}

/// Finds the first duplicate of each key in a list, for "X twice" rules.
enum Duplicates {
    /// Calls `report` with each element whose key was seen before, and the first element with that key.
    static func find<Element, Key: Hashable>(
        in elements: [Element], key: (Element) -> Key?, report: (Element, Element) -> Void
    ) {
        // Positions, not copies: an element (a mapping and its source ranges) is copied only when it is reported.
        var firsts: [Key: Int] = [:]
        firsts.reserveCapacity(elements.count)
        for index in elements.indices {
            guard let key = key(elements[index]) else { continue }
            if let first = firsts[key] {
                report(elements[index], elements[first])
            } else {
                firsts[key] = index
            }
        }
    }
}
