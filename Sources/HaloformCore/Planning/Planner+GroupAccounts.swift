import JSONText

extension Planner {
    /// Each tenant's accounts on Halo product groups (a group's `accounts_mappings`, one entry per accounting tenant),
    /// gathered so that each touched group gets one POST that keeps the other tenants' entries.
    mutating func planGroupAccounts(_ integration: IntegrationConfig) {
        let kind = integration.integration
        for tenant in integration.tenants {
            guard let declared = tenant.groupAccounts,
                let catalog = remote.catalogs[CatalogKey(kind, tenant.name.value)]
            else { continue }
            guard let tenantID = groupAccountsTenantID(tenant, catalog: catalog) else {
                // A Business Central company the catalog lacks is already an error; only a new Sage tenant waits.
                guard kind == .sageBusinessCloud else { continue }
                warnings.append(
                    PlanWarning(
                        address: tenant.address,
                        message:
                            "the group accounts of \(tenant.address) need the tenant's Halo id, which this apply creates: plan and apply again afterwards"
                    ))
                continue
            }
            retireReplacedCompany(tenant, keeping: tenantID)
            let accounts = CatalogIndex("account", catalog.accounts), items = CatalogIndex("item", catalog.items)
            var declaredGroups = Set<Int>()
            for entry in declared.value {
                let before = diagnostics.count
                let groupID = take(productGroups.resolve(entry.group))
                var fields: [ManagedField] = []
                func code(_ value: Located<String>?, _ index: CatalogIndex, _ field: GroupAccountsField) {
                    guard let value, let resolved = take(index.resolve(value, system: kind.displayName)) else { return }
                    fields.append(
                        ManagedField(
                            label: field.label, haloField: field.rawValue, kind: .text, desired: .string(resolved.code))
                    )
                }
                func tax(_ value: Located<HaloReference>?, _ field: GroupAccountsField) {
                    guard let value, let id = take(taxes.resolve(value)) else { return }
                    fields.append(
                        ManagedField(
                            label: field.label, haloField: field.rawValue, kind: .reference(taxes), desired: .int(id)))
                }
                code(entry.income, accounts, .income)
                code(entry.expense, accounts, .expense)
                code(entry.item, items, .item)
                tax(entry.tax, .tax)
                tax(entry.purchaseTax, .purchaseTax)
                guard let groupID, diagnostics.count == before else { continue }
                declaredGroups.insert(groupID)
                planGroupAccountsEntry(
                    groupID, tenantID: tenantID, fields: fields, subject: groupAccountsSubject(tenant, groupID))
            }
            let prunes = tenant.productGroups?.prunes ?? true
            for record in remote.productGroupRecords {
                guard let groupID = record.id, !declaredGroups.contains(groupID) else { continue }
                var list = groupAccountsList(groupID)
                guard let index = ProductGroupRecord.entryIndex(in: list, tenant: tenantID) else { continue }
                let subject = groupAccountsSubject(tenant, groupID)
                let old = list[index].object ?? [:]
                guard prunes else {
                    drift.append(
                        Drift(
                            address: subject.address,
                            description:
                                "accounts of this tenant on Halo product group '\(productGroups.name(of: groupID) ?? "?")'; in Halo but not in the config (prune: false)"
                        ))
                    continue
                }
                list.remove(at: index)
                let shown = [GroupAccountsField.income, .expense, .item].compactMap { field in
                    old[field]?.string.flatMap {
                        $0.isEmpty ? nil : FieldChange(field.label, old: "\"\($0)\"", new: nil)
                    }
                }
                changes.append(
                    PlannedChange(
                        subject, .delete,
                        fields: shown.isEmpty ? [FieldChange("tenant", old: "\"\(tenantID)\"", new: nil)] : shown),
                    in: .groupAccounts)
                setGroupAccounts(groupID, list, address: subject.address)
            }
        }
    }

    /// A Business Central connection replaced for another company leaves its old company's entries on the groups: they
    /// go with the old connection.
    private mutating func retireReplacedCompany(_ tenant: TenantConfig, keeping tenantID: String) {
        let kind = tenant.integration
        guard kind == .businessCentral, newTenants.contains(tenant.address),
            let old = remote.tenant(named: tenant.name.value, in: kind)?.companyID, old != tenantID
        else { return }
        for record in remote.productGroupRecords {
            guard let groupID = record.id else { continue }
            var list = groupAccountsList(groupID)
            guard let index = ProductGroupRecord.entryIndex(in: list, tenant: old) else { continue }
            list.remove(at: index)
            let subject = groupAccountsSubject(tenant, groupID)
            changes.append(
                PlannedChange(
                    subject, .delete, fields: [FieldChange(TenantField.companyID.label, old: "\"\(old)\"", new: nil)]),
                in: .groupAccounts)
            setGroupAccounts(groupID, list, address: subject.address)
        }
    }

    /// One tenant's entry on one group against what the group holds.
    private mutating func planGroupAccountsEntry(
        _ groupID: Int, tenantID: String, fields: [ManagedField], subject: ChangeSubject
    ) {
        var list = groupAccountsList(groupID)
        let index = ProductGroupRecord.entryIndex(in: list, tenant: tenantID)
        let current = index.flatMap { list[$0].object }
        let changed = fields.filter { !$0.matches(current?[$0.haloField]) }
        guard current == nil || !changed.isEmpty else { return }
        var entry = current ?? [GroupAccountsField.tenantID.rawValue: .string(tenantID)]
        for field in changed { entry[field.haloField] = field.desired }
        if let index { list[index] = .object(entry) } else { list.append(.object(entry)) }
        var shown = changed.map { $0.change(from: current?[$0.haloField]) }
        if shown.isEmpty {
            shown = [FieldChange("halo", old: nil, new: "\"\(productGroups.name(of: groupID) ?? "")\"")]
        }
        changes.append(PlannedChange(subject, current == nil ? .create : .update, fields: shown), in: .groupAccounts)
        setGroupAccounts(groupID, list, address: subject.address)
    }

    /// The value a group's entry holds for a tenant: Exact's division, Business Central's company id, Sage's tenant record
    /// id; nil for a Sage tenant this plan creates, whose id apply learns.
    private func groupAccountsTenantID(_ tenant: TenantConfig, catalog: Catalog) -> String? {
        switch tenant.integration {
        case .exactOnline:
            return tenant.division.map { String($0.value) }
        case .businessCentral:
            return catalog.companies.first { $0.code == tenant.company?.value }?.id
        case .sageBusinessCloud:
            guard !newTenants.contains(tenant.address) else { return nil }
            return remote.tenant(named: tenant.name.value, in: .sageBusinessCloud)?.linkValue
        }
    }

    /// A group's entries as this plan leaves them so far.
    private func groupAccountsList(_ groupID: Int) -> [JSONValue] {
        if let planned = groupAccountUpdates[groupID]?.body[ProductGroupField.accountsMappings]?.array {
            return planned
        }
        return remote.productGroupRecords.first { $0.id == groupID }?.accountsEntries ?? []
    }

    private mutating func setGroupAccounts(_ groupID: Int, _ list: [JSONValue], address: String) {
        var update = groupAccountUpdates[groupID] ?? RecordUpdate()
        update.body[ProductGroupField.accountsMappings] = .array(list)
        update.addresses.append(address)
        groupAccountUpdates[groupID] = update
    }

    private func groupAccountsSubject(_ tenant: TenantConfig, _ groupID: Int) -> ChangeSubject {
        .groupAccounts(tenant.key, group: productGroups.name(of: groupID) ?? "#\(groupID)")
    }

    /// One POST per touched product group, with its whole list of entries.
    mutating func flushGroupAccounts() {
        for groupID in groupAccountUpdates.keys.sorted() {
            operations.append(
                groupAccountUpdates[groupID]!.operation(.assetGroup, id: .int(groupID)), in: .groupAccounts)
        }
    }
}
