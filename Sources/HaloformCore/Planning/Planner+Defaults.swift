extension Planner {
    /// The integration's defaults in `/Control`: the default tenant and Exact's invoice status.
    mutating func planDefaults(_ integration: IntegrationConfig) {
        let kind = integration.integration
        // Halo leaves unset defaults as 0 or "": read those as none.
        let control = remote.control.filter { $0.value != .int(0) && $0.value != .string("") && !$0.value.isNull }
        let details = remote[kind.detailsCollection]
        var fields: [FieldChange] = []
        func set(_ field: ControlField, _ value: JSONValue, _ change: FieldChange) {
            controlUpdate.body[field] = value
            fields.append(change)
        }
        if let name = integration.defaultTenant, let tenant = integration.tenants.first(where: { $0.name.value == name.value }) {
            switch kind {
            case .exactOnline:
                let division = tenant.division?.value ?? 0
                let current = control[ControlField.exactDefaultDivision]?.int
                if current != division {
                    let old = current.map { value in details.first { $0[.division, of: kind]?.int == value }?[.name, of: kind]?.string.map { "\"\($0)\"" } ?? "division \(value)" }
                    set(ControlField.exactDefaultDivision, .int(division), FieldChange("default_tenant", old: old, new: "\"\(name.value)\""))
                }
            case .businessCentral:
                let catalog = remote.catalogs[CatalogKey(kind, tenant.name.value)]
                if let company = tenant.company, let entry = catalog?.companies.first(where: { $0.code == company.value }),
                    control[ControlField.businessCentralDefaultCompany]?.string != entry.id
                {
                    controlUpdate.body[ControlField.businessCentralDefaultTenantName] = .string(name.value)
                    let oldCompany = control[ControlField.businessCentralDefaultCompany]?.string.map { id in catalog?.companies.first { $0.id == id }?.name ?? id }
                    let old = control[ControlField.businessCentralDefaultTenantName]?.string.map { "\"\($0)\"" + (oldCompany.map { " (\($0))" } ?? "") }
                    set(ControlField.businessCentralDefaultCompany, .string(entry.id), FieldChange("default_tenant", old: old, new: "\"\(name.value)\" (\(entry.name))"))
                }
            case .sageBusinessCloud:
                let current = control[ControlField.sageDefaultTenant]?.int
                let record = details.first { $0[.name, of: kind]?.string == name.value }
                if newTenants.contains(tenant.address) || record == nil {
                    controlUpdate.deferredIDs[ControlField.sageDefaultTenant.rawValue] = tenant.address
                    set(ControlField.sageDefaultTenant, .null, FieldChange("default_tenant", old: oldSageDefault(current), new: "\"\(name.value)\""))
                } else if let id = record?[.id, of: kind]?.int, current != id {
                    set(ControlField.sageDefaultTenant, .int(id), FieldChange("default_tenant", old: oldSageDefault(current), new: "\"\(name.value)\""))
                }
            }
        }
        if let status = integration.defaultInvoiceStatus {
            let code = ControlField.exactInvoiceStatusCode(status.value)
            let current = control[ControlField.exactDefaultInvoiceStatus]?.int
            if current != code {
                set(ControlField.exactDefaultInvoiceStatus, .int(code), FieldChange(
                    "default_invoice_status", old: current.map { ControlField.exactInvoiceStatusName($0).map { "\"\($0)\"" } ?? String($0) }, new: "\"\(status.value)\""
                ))
            }
        }
        if let legacy = integration.legacyIntegration {
            setFlag(.legacyBusinessCentral, legacy.value, label: "legacy_integration", in: &fields)
        }
        addControlChange("\(kind.key).defaults", kind, fields)
    }

    /// Halo's billing settings in `/Control`: automatic accounts ids for new customers and products.
    mutating func planBilling() {
        guard let billing = config.billing else { return }
        var fields: [FieldChange] = []
        if let customers = billing.autoGenerateCustomerAccountsID {
            setFlag(.autoGenerateCustomerAccountsID, customers.value, label: "auto_generate_accounts_id.customers", in: &fields)
        }
        if let products = billing.autoGenerateProductAccountsID {
            setFlag(.autoGenerateProductAccountsID, products.value, label: "auto_generate_accounts_id.products", in: &fields)
        }
        addControlChange("billing", nil, fields)
    }

    /// Sets a `/Control` switch when Halo's value differs (Halo's null reads as off).
    private mutating func setFlag(_ field: ControlField, _ value: Bool, label: String, in fields: inout [FieldChange]) {
        let current = remote.control[field]?.bool ?? false
        guard current != value else { return }
        controlUpdate.body[field] = .bool(value)
        fields.append(FieldChange(label, old: String(current), new: String(value)))
    }

    /// Records the change of one address that the one `/Control` POST carries, if any field changes.
    private mutating func addControlChange(_ address: String, _ integration: Integration?, _ fields: [FieldChange]) {
        guard !fields.isEmpty else { return }
        controlChanges.append(PlannedChange(address: address, integration: integration, action: .update, fields: fields))
        controlUpdate.addresses.append(address)
    }

    private func oldSageDefault(_ id: Int?) -> String? {
        id.map { id in remote[.sageBusinessCloudDetails].first { $0[.id, of: .sageBusinessCloud]?.int == id }?[.name, of: .sageBusinessCloud]?.string.map { "\"\($0)\"" } ?? "#\(id)" }
    }

    /// One POST to `/Control` with every default that changes.
    mutating func flushControlUpdates() {
        guard !controlChanges.isEmpty else { return }
        controlChanges.forEach { changes.append($0, in: .defaults) }
        operations.append(controlUpdate.operation(.control, id: remote.control[ControlField.id]), in: .defaults)
    }

    /// A Halo customer linked to accounting customers in two tenants syncs to whichever ran last: warn.
    mutating func warnAboutCustomersLinkedTwice() {
        var linked = linkedCustomers
        for integration in Integration.allCases where config.integrations[integration] == nil {
            for record in remote[integration.detailsCollection] {
                let address = CatalogKey(integration, record[.name, of: integration]?.string ?? "?").description
                for link in record[.customerMappings, of: integration]?.array ?? [] {
                    if let id = link.object?[ExternalLinkField.haloID]?.int { linked[id, default: []].insert(address) }
                }
            }
        }
        for id in linked.keys.sorted() where linked[id]!.count > 1 {
            let places = linked[id]!.sorted()
            warnings.append(PlanWarning(
                address: places[0],
                message: "Halo customer '\(clients.name(of: id) ?? "#\(id)")' is linked to accounting customers in \(places.joined(separator: " and ")); it syncs to whichever runs last"
            ))
        }
    }
}
