import JSONText

extension Planner {
    /// The integration's defaults in `/Control`: the default tenant and Exact's invoice status.
    mutating func planDefaults(_ integration: IntegrationConfig) {
        let kind = integration.integration
        let control = remote.controlRecord
        let details = remote.tenants(kind)
        var fields: [FieldChange] = []
        func set(_ field: ControlField, _ value: JSONValue, _ change: FieldChange) {
            controlUpdate.body[field] = value
            fields.append(change)
        }
        if let name = integration.defaultTenant,
            let tenant = integration.tenants.first(where: { $0.name.value == name.value })
        {
            switch kind {
            case .exactOnline:
                let division = tenant.division?.value ?? 0
                let current = control.exactDefaultDivision
                if current != division {
                    let old = current.map { value in
                        details.first { $0.division == value }?.name.map { "\"\($0)\"" } ?? "division \(value)"
                    }
                    set(
                        ControlField.exactDefaultDivision, .int(division),
                        FieldChange("default_tenant", old: old, new: "\"\(name.value)\""))
                }
            case .businessCentral:
                let catalog = remote.catalogs[CatalogKey(kind, tenant.name.value)]
                if let company = tenant.company,
                    let entry = catalog?.companies.first(where: { $0.code == company.value }),
                    control.businessCentralDefaultCompany != entry.id
                {
                    controlUpdate.body[ControlField.businessCentralDefaultTenantName] = .string(name.value)
                    let oldCompany = control.businessCentralDefaultCompany.map { id in
                        catalog?.companies.first { $0.id == id }?.name ?? id
                    }
                    let old = control.businessCentralDefaultTenantName.map {
                        "\"\($0)\"" + (oldCompany.map { " (\($0))" } ?? "")
                    }
                    set(
                        ControlField.businessCentralDefaultCompany, .string(entry.id),
                        FieldChange("default_tenant", old: old, new: "\"\(name.value)\" (\(entry.name))"))
                }
            case .sageBusinessCloud:
                let current = control.sageDefaultTenant
                let record = remote.tenant(named: name.value, in: kind)
                if newTenants.contains(tenant.address) || record == nil {
                    controlUpdate.deferredIDs[ControlField.sageDefaultTenant.rawValue] = tenant.address
                    set(
                        ControlField.sageDefaultTenant, .null,
                        FieldChange("default_tenant", old: oldSageDefault(current), new: "\"\(name.value)\""))
                } else if let id = record?.id, current != id {
                    set(
                        ControlField.sageDefaultTenant, .int(id),
                        FieldChange("default_tenant", old: oldSageDefault(current), new: "\"\(name.value)\""))
                }
            }
        }
        if let status = integration.defaultInvoiceStatus {
            let current = control.exactDefaultInvoiceStatus
            if current != status.value.code {
                set(
                    ControlField.exactDefaultInvoiceStatus, .int(status.value.code),
                    FieldChange(
                        "default_invoice_status",
                        old: current.map { ExactInvoiceStatus(code: $0).map { "\"\($0.rawValue)\"" } ?? String($0) },
                        new: "\"\(status.value.rawValue)\""
                    ))
            }
        }
        if let legacy = integration.legacyIntegration {
            setFlag(.legacyBusinessCentral, legacy.value, label: "legacy_integration", in: &fields)
        }
        addControlChange(.defaults(kind), fields)
    }

    /// Halo's billing settings in `/Control`: automatic accounts ids for new customers and products.
    mutating func planBilling() {
        guard let billing = config.billing else { return }
        var fields: [FieldChange] = []
        if let customers = billing.autoGenerateCustomerAccountsID {
            setFlag(
                .autoGenerateCustomerAccountsID, customers.value, label: "auto_generate_accounts_id.customers",
                in: &fields)
        }
        if let products = billing.autoGenerateProductAccountsID {
            setFlag(
                .autoGenerateProductAccountsID, products.value, label: "auto_generate_accounts_id.products", in: &fields
            )
        }
        addControlChange(.billing, fields)
    }

    /// Sets a `/Control` switch when Halo's value differs (Halo's null reads as off).
    private mutating func setFlag(_ field: ControlField, _ value: Bool, label: String, in fields: inout [FieldChange]) {
        let current = remote.controlRecord.flag(field)
        guard current != value else { return }
        controlUpdate.body[field] = .bool(value)
        fields.append(FieldChange(label, old: String(current), new: String(value)))
    }

    /// Records the change of one address that the one `/Control` POST carries, if any field changes.
    private mutating func addControlChange(_ subject: ChangeSubject, _ fields: [FieldChange]) {
        guard !fields.isEmpty else { return }
        controlChanges.append(PlannedChange(subject, .update, fields: fields))
        controlUpdate.addresses.append(subject.address)
    }

    private func oldSageDefault(_ id: Int?) -> String? {
        id.map { id in remote.tenants(.sageBusinessCloud).first { $0.id == id }?.name.map { "\"\($0)\"" } ?? "#\(id)" }
    }

    /// One POST to `/Control` with every default that changes.
    mutating func flushControlUpdates() {
        guard !controlChanges.isEmpty else { return }
        controlChanges.forEach { changes.append($0, in: .defaults) }
        operations.append(controlUpdate.operation(.control, id: remote.controlRecord.id), in: .defaults)
    }

    /// A Halo customer linked to accounting customers in two tenants syncs to whichever ran last: warn.
    mutating func warnAboutCustomersLinkedTwice() {
        var linked = linkedCustomers
        // The declared integrations' links are as this plan leaves them; the others' as Halo holds them.
        for (id, tenants) in remote.customerLinks(in: Integration.allCases.filter { config.integrations[$0] == nil }) {
            for tenant in tenants { linked.insert(id, in: tenant.description) }
        }
        for (id, places) in linked.linkedTwice {
            warnings.append(
                PlanWarning(
                    address: places[0],
                    message:
                        "Halo customer '\(clients.name(of: id) ?? "#\(id)")' is linked to accounting customers in \(places.joined(separator: " and ")); it syncs to whichever runs last"
                ))
        }
    }
}
