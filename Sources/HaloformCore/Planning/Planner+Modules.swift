import JSONText

extension Planner {
    /// The module switch under `/Features`, when the config sets `enabled`.
    mutating func planModule(_ integration: IntegrationConfig) {
        guard let enabled = integration.enabled else { return }
        let name = integration.integration.displayName
        guard let record = remote.module(integration.integration), let id = record.id else {
            diagnostics.append(
                .error(
                    "Halo has no module named '\(name)' under /Features, so it cannot be switched", at: enabled.range))
            return
        }
        let current = record.enabled
        guard current != enabled.value else { return }
        let change = PlannedChange(
            .module(integration.integration), .update,
            fields: [FieldChange("enabled", old: String(current), new: String(enabled.value))])
        let address = change.address
        changes.append(change, in: enabled.value ? .modules : .removeModules)
        operations.append(
            Operation(
                kind: .upsert, collection: .features, recordID: id,
                body: [ModuleField.id.rawValue: .int(id), ModuleField.enabled.rawValue: .bool(enabled.value)],
                addresses: [address]
            ), in: enabled.value ? .modules : .removeModules)
        if enabled.value && integration.integration == .businessCentral {
            warnings.append(
                PlanWarning(
                    address: address,
                    message:
                        "enabling Business Central sets the tax of every customer and item to zero and hides the tax fields: Business Central's tax engine computes tax from then on"
                ))
        }
    }
}
