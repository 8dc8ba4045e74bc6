/// Rules about what syncs: entities listed once, Sage custom apps that cannot sync, line-number increments.
enum SyncRules {
    static func check(_ integration: IntegrationConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for tenant in integration.tenants {
            guard let sync = tenant.sync else { continue }
            let entities = sync.entities?.value ?? []
            Duplicates.find(in: entities, key: \.value) { second, first in
                diagnostics.append(
                    .warning(
                        "entity '\(second.value)' is listed twice", at: second.range,
                        notes: [.init("first listed here", at: first.range)]))
            }
            if tenant.authentication?.value == .customApp, let list = sync.entities, !list.value.isEmpty {
                diagnostics.append(
                    .error(
                        "tenant '\(tenant.name.value)' uses custom_app, which cannot sync: Sage sends no webhooks to a custom developer app",
                        at: list.range,
                        notes: [
                            .init(
                                "use authentication: halo_app to sync, or leave entities empty",
                                at: tenant.authentication!.range)
                        ]
                    ))
            }
            if let group = sync.groupIncrement, let line = sync.lineIncrement, group.value >= 1, line.value >= 1,
                group.value <= line.value
            {
                diagnostics.append(
                    .warning(
                        "group_increment \(group.value) does not exceed line_increment \(line.value), so line numbers of different item types can collide",
                        at: group.range,
                        notes: [
                            .init("line_increment is set here", at: line.range),
                            .init("Halo's defaults are 1000 and 1"),
                        ]
                    ))
            }
        }
        return diagnostics
    }
}
