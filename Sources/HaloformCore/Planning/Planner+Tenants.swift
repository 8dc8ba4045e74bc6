extension Planner {
    /// Creates, updates, replaces and deletes the integration's tenant records, mappings travelling inside them.
    mutating func planTenants(_ integration: IntegrationConfig) {
        let kind = integration.integration
        let remoteRecords = remote[kind.detailsCollection]
        let declared = Set(integration.tenants.map(\.name.value))
        for tenant in integration.tenants {
            guard let catalog = remote.catalogs[CatalogKey(kind, tenant.name.value)] else {
                diagnostics.append(.error("no \(kind.displayName) catalog was read for tenant '\(tenant.name.value)', so its codes cannot be resolved", at: tenant.name.range))
                continue
            }
            let record = remoteRecords.first { $0[.name, of: kind]?.string == tenant.name.value }
            planTenant(tenant, record: record, catalog: catalog)
        }
        var seen = Set<String>()
        for record in remoteRecords {
            guard let name = record[.name, of: kind]?.string, let id = record[.id, of: kind]?.int else { continue }
            // A second record with a tenant's name (a doubled create) is not the tenant: it goes too.
            guard !seen.insert(name).inserted || !declared.contains(name) else { continue }
            let address = CatalogKey(kind, name).description
            let links = record.mappingCount(of: kind)
            changes.append(PlannedChange(address: address, integration: kind, action: .delete,
                                         fields: [FieldChange("mappings", old: String(links), new: nil)]), in: .removeTenants)
            operations.append(Operation(kind: .delete, collection: kind.detailsCollection, recordID: id, addresses: [address]), in: .removeTenants)
        }
    }

    /// One tenant against its Halo record, if any.
    private mutating func planTenant(_ tenant: TenantConfig, record: JSONObject?, catalog: Catalog) {
        let kind = tenant.integration
        let address = tenant.address
        guard let fields = desiredFields(tenant, catalog: catalog) else { return }
        let recordID = record?[.id, of: kind]?.int
        let replacing = record != nil && fields.contains { $0.forcesReplacement && !$0.matches(record![$0.haloField]) }
        let isNew = record == nil || replacing
        let existing = isNew ? nil : record

        var mappingChanges: [PlannedChange] = []
        var body = JSONObject()
        if let id = existing?[.id, of: kind] { body[.id, of: kind] = id } else { body[.name, of: kind] = .string(tenant.name.value) }
        let lists = [
            MappingSet(list: tenant.customers, field: .customerMappings, noun: "customer_mapping", names: clients,
                       catalog: CatalogIndex("customer", catalog.customers), tableID: ExternalLinkField.customerTableID),
            MappingSet(list: tenant.productGroups, field: .productGroupMappings, noun: "product_group_mapping", names: productGroups,
                       catalog: CatalogIndex("item group", catalog.productGroups), tableID: nil),
        ]
        for set in lists {
            let isCustomers = set.field == .customerMappings
            var links = existing?[set.field, of: kind]?.array ?? []
            if let list = set.list {
                if replacing, !list.prunes, let record { warnAboutDroppedDrift(record, list: list, set: set, address: address, kind: kind) }
                let diff = diffMappings(list, remote: links, set: set, address: address, kind: kind)
                links = diff.links
                mappingChanges += diff.changes
                if isNew || !diff.changes.isEmpty { body[set.field, of: kind] = .array(diff.links) }
                if isCustomers { warnAboutAddressReplacement(diff.newlyLinked, address: address, kind: kind) }
            }
            if isCustomers {
                for link in links { if let id = link.object?[ExternalLinkField.haloID]?.int { linkedCustomers[id, default: []].insert(address) } }
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
            } else if isNew || !field.matches(existing?[field.haloField]) {
                body[field.haloField] = field.desired
                // A replacement lists what differs from the record it replaces; a create lists everything.
                let shown = !field.label.hasSuffix("(id)") && (!replacing || !field.matches(record?[field.haloField]))
                if shown { fieldChanges.append(field.change(from: record?[field.haloField])) }
            }
        }

        // A new tenant is created even when the config sets nothing but its name (a Sage tenant may, as Halo keeps no
        // business): later changes may wait for its id.
        if isNew && fieldChanges.isEmpty { fieldChanges.append(FieldChange(TenantField.name.label, old: nil, new: "\"\(tenant.name.value)\"")) }
        if replacing, let recordID {
            operations.append(Operation(kind: .delete, collection: kind.detailsCollection, recordID: recordID, addresses: [address]), in: .tenants)
        }
        if !fieldChanges.isEmpty {
            let action: PlannedChange.Action = replacing ? .replace : isNew ? .create : .update
            changes.append(PlannedChange(address: address, integration: kind, action: action, fields: fieldChanges), in: .tenants)
        }
        mappingChanges.forEach { changes.append($0, in: $0.action == .delete ? .removeTenants : .tenants) }
        guard !fieldChanges.isEmpty || !mappingChanges.isEmpty else { return }
        operations.append(Operation(
            kind: .upsert, collection: kind.detailsCollection, recordID: isNew ? nil : recordID, body: body, secrets: secrets,
            creates: isNew ? address : nil, addresses: [address] + mappingChanges.map(\.address)
        ), in: .tenants)
    }

    /// The mapping array a tenant record should hold, the changes from what it holds, and the Halo records that get a
    /// new accounting link.
    private mutating func diffMappings(
        _ list: MappingList, remote links: [JSONValue], set: MappingSet, address: String, kind: Integration
    ) -> (links: [JSONValue], changes: [PlannedChange], newlyLinked: [String]) {
        let (names, catalog, noun, tableID) = (set.names, set.catalog, set.noun, set.tableID)
        var remoteByThirdParty: [String: JSONObject] = [:]
        for link in links {
            if let object = link.object, let id = object[ExternalLinkField.thirdPartyID]?.string { remoteByThirdParty[id] = object }
        }
        let resolved = list.mappings.compactMap { mapping -> (haloID: Int, entry: CatalogEntry)? in
            let haloID = take(names.resolve(mapping.halo))
            let entry = take(catalog.resolve(mapping.code, system: kind.displayName))
            guard let haloID, let entry else { return nil }
            return (haloID, entry)
        }
        let declaredCode = Dictionary(resolved.map { ($0.haloID, $0.entry.code) }, uniquingKeysWith: { first, _ in first })
        // Customers map one to one: a declared customer Halo links under a code the config no longer names has moved.
        var movable: [Int: JSONObject] = [:]
        if set.field == .customerMappings {
            let declared = Set(resolved.map(\.entry.id))
            for link in links {
                guard let object = link.object, let id = object[ExternalLinkField.thirdPartyID]?.string, !declared.contains(id),
                    let haloID = object[ExternalLinkField.haloID]?.int, movable[haloID] == nil
                else { continue }
                movable[haloID] = object
            }
        }
        func code(of link: JSONObject) -> String {
            let id = link[ExternalLinkField.thirdPartyID]?.string ?? ""
            return catalog.entry(id: id)?.code ?? link[ExternalLinkField.thirdPartyDescription]?.string ?? id
        }
        var result: [JSONValue] = []
        var changes: [PlannedChange] = []
        var newlyLinked: [String] = []
        var kept = Set<String>()
        for (haloID, entry) in resolved {
            let mappingAddress = "\(address).\(noun)[\"\(entry.code)\"]"
            let haloName = names.name(of: haloID) ?? ""
            kept.insert(entry.id)
            if var existing = remoteByThirdParty[entry.id] {
                let oldID = existing[ExternalLinkField.haloID]?.int
                if oldID != haloID {
                    existing[ExternalLinkField.haloID] = .int(haloID)
                    existing[ExternalLinkField.haloDescription] = .string(haloName)
                    newlyLinked.append(haloName)
                    changes.append(PlannedChange(address: mappingAddress, integration: kind, action: .update, fields: [
                        FieldChange("halo", old: oldID.map { id in names.name(of: id).map { "\"\($0)\"" } ?? "#\(id)" }, new: "\"\(haloName)\""),
                    ]))
                }
                result.append(.object(existing))
                continue
            }
            var link = JSONObject()
            if let old = movable.removeValue(forKey: haloID) {
                let oldCode = code(of: old)
                changes.append(PlannedChange(address: mappingAddress, integration: kind, action: .update, fields: [
                    FieldChange(kind.mappingKey, old: "\"\(oldCode)\"", new: "\"\(entry.code)\""),
                ]))
                // Pruning, the same link is pointed at the new code; with prune: false the old one stays, and is warned of below.
                if list.prunes {
                    link = old
                    kept.insert(old[ExternalLinkField.thirdPartyID]?.string ?? "")
                }
            } else {
                changes.append(PlannedChange(address: mappingAddress, integration: kind, action: .create,
                                             fields: [FieldChange("halo", old: nil, new: "\"\(haloName)\"")]))
            }
            if link[ExternalLinkField.id] == nil { link[ExternalLinkField.tableID] = tableID.map(JSONValue.int) }
            link[ExternalLinkField.haloID] = .int(haloID)
            link[ExternalLinkField.haloDescription] = .string(haloName)
            link[ExternalLinkField.thirdPartyID] = .string(entry.id)
            link[ExternalLinkField.thirdPartyDescription] = .string(entry.code)
            result.append(.object(link))
            newlyLinked.append(haloName)
        }
        for link in links {
            guard let object = link.object, let id = object[ExternalLinkField.thirdPartyID]?.string, !kept.contains(id) else { continue }
            let mappingAddress = "\(address).\(noun)[\"\(code(of: object))\"]"
            let haloName = object[ExternalLinkField.haloID]?.int.flatMap(names.name(of:)).map { "\"\($0)\"" }
                ?? object[ExternalLinkField.haloDescription]?.string ?? "?"
            if list.prunes {
                changes.append(PlannedChange(address: mappingAddress, integration: kind, action: .delete,
                                             fields: [FieldChange("halo", old: haloName, new: nil)]))
            } else {
                result.append(link)
                drift.append(Drift(address: mappingAddress, description: "maps Halo \(names.noun) \(haloName); in Halo but not in the config (prune: false)"))
                if set.field == .customerMappings, let haloID = object[ExternalLinkField.haloID]?.int, let declared = declaredCode[haloID] {
                    warnings.append(PlanWarning(
                        address: mappingAddress,
                        message: "Halo customer \(haloName) is linked twice in \(address), to \"\(code(of: object))\" and \"\(declared)\": the list is prune: false, so the link to \"\(code(of: object))\" stays, and the customer syncs to whichever runs last; delete that link in Halo, or apply once with prune: true to move it"
                    ))
                }
            }
        }
        return (result, changes, newlyLinked)
    }

    /// A replaced tenant's old record goes with every mapping it embeds, those a `prune: false` list left alone too:
    /// name them, as the replacement drops what the list promised to keep.
    private mutating func warnAboutDroppedDrift(_ old: JSONObject, list: MappingList, set: MappingSet, address: String, kind: Integration) {
        let declared = Set(list.mappings.map(\.code.value))
        let dropped = (old[set.field, of: kind]?.array ?? []).compactMap(\.object).compactMap { link -> String? in
            let code = link[ExternalLinkField.thirdPartyDescription]?.string ?? link[ExternalLinkField.thirdPartyID]?.string ?? "?"
            guard !declared.contains(code) else { return nil }
            let halo = link[ExternalLinkField.haloID]?.int.flatMap(set.names.name(of:)) ?? link[ExternalLinkField.haloDescription]?.string ?? "?"
            return "\(set.noun)[\"\(code)\"] (Halo \(set.names.noun) '\(halo)')"
        }
        guard !dropped.isEmpty else { return }
        warnings.append(PlanWarning(
            address: address,
            message: "the replacement deletes the old Halo record with \(Quantity(dropped.count, "mapping")) the config does not name, though its list is prune: false: \(dropped.joined(separator: ", ")); add them to the config to keep them"
        ))
    }

    /// Mapping a Halo customer to an accounting customer overwrites its site address on the next import, as each guide
    /// warns in its own words: say so.
    private mutating func warnAboutAddressReplacement(_ mapped: [String], address: String, kind: Integration) {
        guard !mapped.isEmpty else { return }
        let shown = mapped.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + (mapped.count > 5 ? " and \(mapped.count - 5) more" : "")
        let what = switch kind {
        case .exactOnline: "Exact customers replaces each one's main site address with the Exact address on the next import"
        case .businessCentral: "Business Central customers stores each one's Business Central address, country code and phone number against its main site on the next import"
        case .sageBusinessCloud: "Sage customers imports each one's Sage 'Invoice Address' as its site address on the next import"
        }
        warnings.append(PlanWarning(
            address: address, message: "mapping \(shown) to \(what); give a customer a new main site first if its address must stay"
        ))
    }
}

/// One of a tenant record's embedded mapping lists, and how its entries are resolved.
struct MappingSet {
    /// The config's list, nil when the config leaves it unmanaged.
    let list: MappingList?
    /// The tenant field that embeds it (`client_mappings`).
    let field: TenantField
    /// The mapping's noun in addresses (`customer_mapping`).
    let noun: String
    /// The Halo records its `halo` side names.
    let names: HaloNames
    /// The accounting catalog its codes resolve in.
    let catalog: CatalogIndex
    /// The `table_id` new entries get, if one is known.
    let tableID: Int?
}
