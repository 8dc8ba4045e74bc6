import JSONText

extension Planner {
    /// Creates, updates, replaces and deletes the integration's tenant records, mappings travelling inside them.
    mutating func planTenants(_ integration: IntegrationConfig) {
        let kind = integration.integration
        let remoteRecords = remote.tenants(kind)
        let declared = Set(integration.tenants.map(\.name.value))
        for tenant in integration.tenants {
            guard let catalog = remote.catalogs[CatalogKey(kind, tenant.name.value)] else {
                diagnostics.append(
                    .error(
                        "no \(kind.displayName) catalog was read for tenant '\(tenant.name.value)', so its codes cannot be resolved",
                        at: tenant.name.range))
                continue
            }
            let record = remoteRecords.first { $0.name == tenant.name.value }
            planTenant(tenant, record: record, catalog: catalog)
        }
        var seen = Set<String>()
        for record in remoteRecords {
            guard let name = record.name, let id = record.id else { continue }
            // A second record with a tenant's name (a doubled create) is not the tenant: it goes too.
            guard !seen.insert(name).inserted || !declared.contains(name) else { continue }
            let change = PlannedChange(
                .tenant(record.key), .delete,
                fields: [FieldChange("mappings", old: String(record.mappingCount), new: nil)])
            changes.append(change, in: .removeTenants)
            operations.append(
                Operation(kind: .delete, collection: kind.detailsCollection, recordID: id, addresses: [change.address]),
                in: .removeTenants)
        }
    }

    /// One tenant against its Halo record, if any.
    private mutating func planTenant(_ tenant: TenantConfig, record: TenantRecord?, catalog: Catalog) {
        let kind = tenant.integration
        let address = tenant.address
        guard let fields = desiredFields(tenant, catalog: catalog) else { return }
        let recordID = record?.id
        let replacing =
            record.map { record in fields.contains { $0.forcesReplacement && !$0.matches(record.fields[$0.haloField]) }
            } ?? false
        let isNew = record == nil || replacing
        let existing = isNew ? nil : record

        var mappingChanges: [PlannedChange] = []
        var body = JSONObject()
        var bodyLinks: [String: [ExternalLink]] = [:]
        if let id = existing?.id {
            body[.id, of: kind] = .int(id)
        } else {
            body[.name, of: kind] = .string(tenant.name.value)
        }
        let lists = [
            MappingSet(
                list: tenant.customers, kind: .customer, names: clients,
                catalog: CatalogIndex("customer", catalog.customers), tableID: ExternalLinkField.customerTableID),
            MappingSet(
                list: tenant.productGroups, kind: .productGroup, names: productGroups,
                catalog: CatalogIndex("item group", catalog.productGroups), tableID: nil),
        ]
        for set in lists {
            var links = existing?.links(set.kind) ?? []
            if let list = set.list {
                if replacing, !list.prunes, let record { warnAboutDroppedDrift(record, list: list, set: set) }
                let diff = diffMappings(list, remote: links, set: set, tenant: tenant.key)
                links = diff.links
                mappingChanges += diff.changes
                if isNew || !diff.changes.isEmpty, let field = set.kind.field.haloField(kind) {
                    bodyLinks[field] = diff.links
                }
                if set.kind == .customer { warnAboutAddressReplacement(diff.newlyLinked, address: address, kind: kind) }
            }
            if set.kind == .customer {
                for link in links { if let id = link.haloID { linkedCustomers.insert(id, in: address) } }
            }
        }
        if isNew { newTenants.insert(address) }

        var fieldChanges: [FieldChange] = []
        var secrets: [String: String] = [:]
        for field in fields {
            if field.isSecret {
                guard isNew || options.rotateSecrets, let name = field.desired.string else { continue }
                secrets[field.haloField] = name
                fieldChanges.append(field.change(from: nil))
            } else if isNew || !field.matches(existing?.fields[field.haloField]) {
                body[field.haloField] = field.desired
                // A replacement lists what differs from the record it replaces; a create lists everything.
                let shown = field.shown && (!replacing || !field.matches(record?.fields[field.haloField]))
                if shown {
                    fieldChanges.append(field.change(from: record?.fields[field.haloField]))
                    if let setting = field.tenantField { changedSettings[tenant.key, default: []].insert(setting) }
                }
            }
        }

        // A new tenant is created even when the config sets nothing but its name (a Sage tenant may, as Halo keeps no
        // business): later changes may wait for its id.
        if isNew && fieldChanges.isEmpty {
            fieldChanges.append(FieldChange(TenantField.name.label, old: nil, new: "\"\(tenant.name.value)\""))
        }
        if replacing, let recordID {
            operations.append(
                Operation(kind: .delete, collection: kind.detailsCollection, recordID: recordID, addresses: [address]),
                in: .tenants)
        }
        if !fieldChanges.isEmpty {
            let action: PlannedChange.Action = replacing ? .replace : isNew ? .create : .update
            changes.append(PlannedChange(.tenant(tenant.key), action, fields: fieldChanges), in: .tenants)
        }
        mappingChanges.forEach { changes.append($0, in: $0.action == .delete ? .removeTenants : .tenants) }
        guard !fieldChanges.isEmpty || !mappingChanges.isEmpty else { return }
        operations.append(
            Operation(
                kind: .upsert, collection: kind.detailsCollection, recordID: isNew ? nil : recordID, body: body,
                links: bodyLinks, secrets: secrets,
                creates: isNew ? address : nil, addresses: [address] + mappingChanges.map(\.address)
            ), in: .tenants)
    }

    /// The mappings a tenant record should hold, the changes from what it holds, and the Halo records that get a new
    /// accounting link.
    private mutating func diffMappings(
        _ list: MappingList, remote links: [ExternalLink], set: MappingSet, tenant: CatalogKey
    ) -> (links: [ExternalLink], changes: [PlannedChange], newlyLinked: [String]) {
        let (names, catalog, tableID) = (set.names, set.catalog, set.tableID)
        let kind = tenant.integration
        var remoteByThirdParty: [String: ExternalLink] = [:]
        remoteByThirdParty.reserveCapacity(links.count)
        for link in links {
            if let id = link.thirdPartyID { remoteByThirdParty[id] = link }
        }
        let resolved = list.mappings.compactMap { mapping -> (haloID: Int, entry: CatalogEntry)? in
            let haloID = take(names.resolve(mapping.halo))
            let entry = take(catalog.resolve(mapping.code, system: kind.displayName))
            guard let haloID, let entry else { return nil }
            return (haloID, entry)
        }
        // Only a prune: false list warns of a customer linked twice, so only it needs the declared code of each customer.
        lazy var declaredCode = Dictionary(
            resolved.map { ($0.haloID, $0.entry.code) }, uniquingKeysWith: { first, _ in first })
        // The accounting ids whose Halo links stay: the declared ones, and below those of moved links.
        var kept = Set<String>(minimumCapacity: resolved.count)
        for (_, entry) in resolved { kept.insert(entry.id) }
        // Customers map one to one: a declared customer Halo links under a code the config no longer names has moved.
        var movable: [Int: ExternalLink] = [:]
        if set.kind == .customer {
            for link in links {
                guard let id = link.thirdPartyID, !kept.contains(id), let haloID = link.haloID, movable[haloID] == nil
                else { continue }
                movable[haloID] = link
            }
        }
        lazy var catalogByID = catalog.entriesByID()
        func code(of link: ExternalLink) -> String {
            let id = link.thirdPartyID ?? ""
            return catalogByID[id]?.code ?? link.thirdPartyDescription ?? id
        }
        let mapping = MappingChanges(tenant, set.kind)
        var result: [ExternalLink] = []
        result.reserveCapacity(resolved.count)
        var changes: [PlannedChange] = []
        var newlyLinked: [String] = []
        for (haloID, entry) in resolved {
            let haloName = names.name(of: haloID) ?? ""
            if var existing = remoteByThirdParty[entry.id] {
                let oldID = existing.haloID
                if oldID != haloID {
                    existing.haloID = haloID
                    existing.haloDescription = haloName
                    newlyLinked.append(haloName)
                    changes.append(
                        mapping.change(
                            entry.code, .update,
                            fields: [
                                FieldChange(
                                    "halo", old: oldID.map { id in names.name(of: id).map { "\"\($0)\"" } ?? "#\(id)" },
                                    new: "\"\(haloName)\"")
                            ]))
                }
                result.append(existing)
                continue
            }
            var link = ExternalLink()
            if let old = movable.removeValue(forKey: haloID) {
                changes.append(
                    mapping.change(
                        entry.code, .update,
                        fields: [
                            FieldChange(kind.mappingKey, old: "\"\(code(of: old))\"", new: "\"\(entry.code)\"")
                        ]))
                // Pruning, the same link is pointed at the new code; with prune: false the old one stays, and is warned of below.
                if list.prunes {
                    link = old
                    kept.insert(old.thirdPartyID ?? "")
                }
            } else {
                changes.append(
                    mapping.change(entry.code, .create, fields: [FieldChange("halo", old: nil, new: "\"\(haloName)\"")])
                )
            }
            if link.id == nil { link.tableID = tableID }
            link.haloID = haloID
            link.haloDescription = haloName
            link.thirdPartyID = entry.id
            link.thirdPartyDescription = entry.code
            result.append(link)
            newlyLinked.append(haloName)
        }
        for link in links {
            guard let id = link.thirdPartyID, !kept.contains(id) else { continue }
            let code = code(of: link)
            let haloName = link.haloID.flatMap(names.name(of:)).map { "\"\($0)\"" } ?? link.haloDescription ?? "?"
            if list.prunes {
                changes.append(mapping.change(code, .delete, fields: [FieldChange("halo", old: haloName, new: nil)]))
            } else {
                result.append(link)
                drift.append(
                    Drift(
                        address: mapping.address(code),
                        description: "maps Halo \(names.noun) \(haloName); in Halo but not in the config (prune: false)"
                    ))
                if set.kind == .customer, let haloID = link.haloID, let declared = declaredCode[haloID] {
                    warnings.append(
                        PlanWarning(
                            address: mapping.address(code),
                            message:
                                "Halo customer \(haloName) is linked twice in \(tenant), to \"\(code)\" and \"\(declared)\": the list is prune: false, so the link to \"\(code)\" stays, and the customer syncs to whichever runs last; delete that link in Halo, or apply once with prune: true to move it"
                        ))
                }
            }
        }
        return (result, changes, newlyLinked)
    }

    /// A replaced tenant's old record goes with every mapping it embeds, those a `prune: false` list left alone too:
    /// name them, as the replacement drops what the list promised to keep.
    private mutating func warnAboutDroppedDrift(_ old: TenantRecord, list: MappingList, set: MappingSet) {
        let declared = Set(list.mappings.map(\.code.value))
        let dropped = old.links(set.kind).compactMap { link -> String? in
            let code = link.thirdPartyDescription ?? link.thirdPartyID ?? "?"
            guard !declared.contains(code) else { return nil }
            let halo = link.haloID.flatMap(set.names.name(of:)) ?? link.haloDescription ?? "?"
            return "\(set.kind.noun)[\"\(code)\"] (Halo \(set.names.noun) '\(halo)')"
        }
        guard !dropped.isEmpty else { return }
        warnings.append(
            PlanWarning(
                address: old.key.description,
                message:
                    "the replacement deletes the old Halo record with \(Quantity(dropped.count, "mapping")) the config does not name, though its list is prune: false: \(dropped.joined(separator: ", ")); add them to the config to keep them"
            ))
    }

    /// Mapping a Halo customer to an accounting customer overwrites its site address on the next import, as each guide
    /// warns in its own words: say so.
    private mutating func warnAboutAddressReplacement(_ mapped: [String], address: String, kind: Integration) {
        guard !mapped.isEmpty else { return }
        let shown =
            mapped.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
            + (mapped.count > 5 ? " and \(mapped.count - 5) more" : "")
        let what =
            switch kind {
            case .exactOnline:
                "Exact customers replaces each one's main site address with the Exact address on the next import"
            case .businessCentral:
                "Business Central customers stores each one's Business Central address, country code and phone number against its main site on the next import"
            case .sageBusinessCloud:
                "Sage customers imports each one's Sage 'Invoice Address' as its site address on the next import"
            }
        warnings.append(
            PlanWarning(
                address: address,
                message: "mapping \(shown) to \(what); give a customer a new main site first if its address must stay"
            ))
    }
}

/// One of a tenant record's embedded mapping lists, and how its entries are resolved.
struct MappingSet {
    /// The config's list, nil when the config leaves it unmanaged.
    let list: MappingList?
    /// Which of the two lists it is.
    let kind: MappingKind
    /// The Halo records its `halo` side names.
    let names: HaloNames
    /// The accounting catalog its codes resolve in.
    let catalog: CatalogIndex
    /// The `table_id` new entries get, if one is known.
    let tableID: Int?
}
