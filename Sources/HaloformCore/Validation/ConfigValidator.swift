/// Checks the rules Halo's guides state across a whole merged config, collecting every problem.
struct ConfigValidator {
    /// The config to check.
    let config: Config

    /// Every rule's findings.
    func validate() -> [Diagnostic] {
        var diagnostics = HaloRules.check(config.halo, managesHalo: !config.integrations.isEmpty || config.billing != nil)
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
    static func find<Element, Key: Hashable>(in elements: [Element], key: (Element) -> Key?, report: (Element, Element) -> Void) {
        var firsts: [Key: Element] = [:]
        for element in elements {
            guard let key = key(element) else { continue }
            if let first = firsts[key] {
                report(element, first)
            } else {
                firsts[key] = element
            }
        }
    }
}
