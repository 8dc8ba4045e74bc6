import JSONText

extension Planner {
    /// Links between Halo tax rates and the accounting tax codes, which live on Halo's `/Tax` records.
    mutating func planTaxLinks(_ integration: IntegrationConfig) {
        let kind = integration.integration
        guard let (tenantField, codeField) = TaxField.link(kind).map({ ($0.tenant, $0.code) }) else { return }
        let details = remote.tenants(kind)
        var desiredByTax: [Int: (tenant: TenantConfig, entry: CatalogEntry, name: String)] = [:]
        var managedTenants: [TenantConfig] = []
        for tenant in integration.tenants {
            guard let list = tenant.taxRates, let catalog = remote.catalogs[CatalogKey(kind, tenant.name.value)] else {
                continue
            }
            managedTenants.append(tenant)
            let index = CatalogIndex(kind == .exactOnline ? "VAT code" : "tax rate", catalog.taxCodes)
            for mapping in list.mappings {
                let taxID = take(taxes.resolve(mapping.halo))
                let entry = take(index.resolve(mapping.code, system: kind.displayName))
                guard let taxID, let entry else { continue }
                desiredByTax[taxID] = (tenant, entry, taxes.name(of: taxID) ?? "")
            }
        }
        guard !managedTenants.isEmpty else { return }

        /// The value a tax record's tenant field should hold for a tenant: Exact's division, or Sage's details id.
        func tenantValue(_ tenant: TenantConfig) -> (value: JSONValue, deferred: String?) {
            if kind == .exactOnline { return (.int(tenant.division?.value ?? 0), nil) }
            let record = remote.tenant(named: tenant.name.value, in: kind)
            if let id = record?.id, !newTenants.contains(tenant.address) {
                return (.int(id), nil)
            }
            return (.null, tenant.address)
        }
        /// The config tenant a tax record's tenant field points at.
        func owner(_ value: Int?) -> TenantConfig? {
            guard let value else { return nil }
            if kind == .exactOnline { return integration.tenants.first { $0.division?.value == value } }
            let name = details.first { $0.id == value }?.name
            return integration.tenants.first { $0.name.value == name }
        }

        for record in remote.taxRecords {
            guard let id = record.id, let name = record.name else { continue }
            let currentCode = record.linkedCode(kind)
            let currentOwner = owner(record.linkedTenant(kind))
            if let desired = desiredByTax[id] {
                linkedTaxes[kind, default: []].insert(id)
                let target = tenantValue(desired.tenant)
                let sameTenant = target.deferred == nil && record.linkedTenant(kind) == target.value.int
                guard !sameTenant || currentCode != desired.entry.code else { continue }
                let change = PlannedChange(
                    .taxLink(kind, tenant: desired.tenant.name.value, taxRate: name),
                    currentCode == nil ? .create : .update,
                    fields: [
                        FieldChange(
                            kind.mappingKey, old: currentCode.map { "\"\($0)\"" }, new: "\"\(desired.entry.code)\"")
                    ])
                changes.append(change, in: .taxLinks)
                var update = taxUpdates[id] ?? RecordUpdate()
                update.body[tenantField] = target.value
                update.body[codeField] = [
                    KeyPairField.value.rawValue: .string(desired.entry.code),
                    KeyPairField.label.rawValue: .string(desired.entry.name),
                ]
                if let deferred = target.deferred { update.deferredIDs[tenantField.rawValue] = deferred }
                update.addresses.append(change.address)
                taxUpdates[id] = update
            } else if currentCode != nil, record.namesTenant(kind) {
                let subject = ChangeSubject.taxLink(kind, tenant: currentOwner?.name.value, taxRate: name)
                if let currentOwner, currentOwner.taxRates == nil {  // that tenant does not manage tax links
                    linkedTaxes[kind, default: []].insert(id)
                    continue
                }
                if currentOwner?.taxRates?.prunes == false {
                    linkedTaxes[kind, default: []].insert(id)
                    drift.append(
                        Drift(
                            address: subject.address,
                            description:
                                "links Halo tax rate '\(name)' to \(kind.displayName) code '\(currentCode!)'; not in the config (prune: false)"
                        ))
                    continue
                }
                changes.append(
                    PlannedChange(
                        subject, .delete, fields: [FieldChange(kind.mappingKey, old: "\"\(currentCode!)\"", new: nil)]),
                    in: .removeTaxLinks)
                var update = taxUpdates[id] ?? RecordUpdate()
                update.body[tenantField] = .null
                update.body[codeField] = .null
                update.addresses.append(subject.address)
                taxUpdates[id] = update
            }
        }
    }

    /// One POST per touched tax record.
    mutating func flushTaxUpdates() {
        for id in taxUpdates.keys.sorted() {
            let update = taxUpdates[id]!
            let removesOnly = update.body.values.allSatisfy(\.isNull)
            operations.append(update.operation(.tax, id: .int(id)), in: removesOnly ? .removeTaxLinks : .taxLinks)
        }
    }

    /// Importing tax rates, daily or by hand, removes the Halo tax rates no company of that system links: name them, for
    /// each integration whose tenants manage tax rates.
    mutating func warnAboutTaxImports() {
        for integration in config.declaredIntegrations {
            let kind = integration.integration
            guard TaxField.link(kind) != nil, let first = integration.tenants.first(where: { $0.taxRates != nil })
            else { continue }
            let linked = linkedTaxes[kind] ?? []
            let removed = remote.taxRecords.compactMap(\.named).filter { !linked.contains($0.id) }.map {
                "'\($0.name)'"
            }
            guard !removed.isEmpty else { continue }
            let daily = integration.tenants.contains { $0.importTaxRatesDaily?.value == true }
            warnings.append(
                PlanWarning(
                    address: first.address,
                    message:
                        "importing tax rates from \(kind.displayName) (\(daily ? "daily, or " : "")with Import Tax Rates) removes the Halo tax rates no \(kind.displayName) company links: \(removed.joined(separator: ", "))"
                ))
        }
    }
}
