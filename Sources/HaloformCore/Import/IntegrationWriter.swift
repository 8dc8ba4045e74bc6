import JSONText

/// Writes one integration's block: the module switch, defaults and one tenant per `*Details` record.
struct IntegrationWriter {
    /// The writer of the whole root, with Halo's state and its names.
    let config: ConfigWriter
    /// The integration whose block this writes.
    let integration: Integration
    /// Secret variable names handed out so far, across integrations, so no two tenants share one by accident.
    var secretNames: Set<String>
    /// What could not be written faithfully.
    var notes: [String] = []
    /// The lines written so far.
    private var out = YAMLLines()

    /// Prepares to write `integration`'s block, handing out no secret name in `secretNames`.
    init(config: ConfigWriter, integration: Integration, secretNames: Set<String>) {
        self.config = config
        self.integration = integration
        self.secretNames = secretNames
    }

    /// What Halo holds.
    private var remote: RemoteState { config.remote }

    /// The file's text.
    mutating func text() -> String {
        out.header()
        out.line(0, "\(integration.key):")
        if let module = remote.module(integration), module.statesEnabled {
            out.line(1, "enabled: \(module.enabled)")
        }
        if integration == .businessCentral, let legacy = remote.controlRecord.statedFlag(.legacyBusinessCentral) {
            out.line(1, "legacy_integration: \(legacy)")
        }
        let records = tenantRecords()
        if let name = defaultTenant(records) { out.line(1, "default_tenant: " + YAMLScalarText.string(name)) }
        if integration == .exactOnline, let code = remote.controlRecord.exactDefaultInvoiceStatus {
            if let status = ExactInvoiceStatus(code: code) {
                out.line(1, "default_invoice_status: \(status.rawValue)")
            } else {
                notes.append(
                    "Halo's default Exact Online invoice status is code \(code), which the config cannot express; left out"
                )
            }
        }
        if !records.isEmpty {
            out.line(1, "tenants:")
            for record in records { tenant(record) }
        }
        noteStrayTaxLinks(records)
        return out.text
    }

    /// Tax links to a company no tenant record holds cannot be written; plan removes them once a tenant manages tax links.
    private mutating func noteStrayTaxLinks(_ records: [TenantRecord]) {
        guard TaxRecord.links(integration) else { return }
        let owners = Set(records.compactMap(taxOwner))
        for tax in remote.taxRecords {
            guard let owner = tax.linkedTenant(integration), owner != 0, !owners.contains(owner),
                let code = tax.linkedCode(integration)
            else { continue }
            let company = integration == .exactOnline ? "division \(owner)" : "tenant record \(owner)"
            notes.append(
                "Halo tax rate '\(tax.name ?? "?")' links \(integration.displayName) code '\(code)' of \(company), which no tenant holds; left out"
            )
        }
    }

    /// The records that become tenants: named, the first of each name.
    private mutating func tenantRecords() -> [TenantRecord] {
        var seen: [String: Int] = [:]
        var records: [TenantRecord] = []
        for record in remote.tenants(integration) {
            let id = record.id ?? 0
            guard let name = record.name, !name.isEmpty else {
                notes.append(
                    "\(integration.displayName) record \(id) has no name, so it cannot be addressed; left out, and plan will delete it"
                )
                continue
            }
            if let first = seen[name] {
                notes.append(
                    "Halo holds two \(integration.displayName) tenants named '\(name)' (ids \(first) and \(id)); imported the first, and plan will delete the second"
                )
                continue
            }
            seen[name] = id
            records.append(record)
        }
        return records
    }

    /// The default tenant's name, from `/Control`.
    private mutating func defaultTenant(_ records: [TenantRecord]) -> String? {
        let control = remote.controlRecord
        let found: TenantRecord?
        let described: String
        switch integration {
        case .exactOnline:
            guard let division = control.exactDefaultDivision else { return nil }
            found = records.first { $0.division == division }
            described = "division \(division)"
        case .businessCentral:
            guard let company = control.businessCentralDefaultCompany else { return nil }
            let named = control.businessCentralDefaultTenantName
            found =
                records.first { $0.companyID == company && $0.name == named }
                ?? records.first { $0.companyID == company }
            described = "company \(company)"
        case .sageBusinessCloud:
            guard let id = control.sageDefaultTenant else { return nil }
            found = records.first { $0.id == id }
            described = "record \(id)"
        }
        guard let name = found?.name else {
            notes.append(
                "Halo's default \(integration.displayName) tenant is \(described), which no tenant holds; left out")
            return nil
        }
        return name
    }

    // MARK: - Tenants

    /// One tenant's entry, from its record.
    private mutating func tenant(_ record: TenantRecord) {
        let name = record.name!
        let key = record.key
        let catalog = remote.catalogs[key]
        if catalog == nil { notes.append("no catalog was read for \(key), so its codes are Halo's descriptions") }
        func field(_ setting: TenantField) -> JSONValue? {
            let value = record[setting]
            return value == nil || value == .null || value == .string("") ? nil : value
        }
        func text(_ setting: TenantField) -> String? {
            field(setting).flatMap { $0.string ?? $0.int.map(String.init) }
        }
        func required(_ setting: TenantField, _ value: String?) -> String {
            if let value { return YAMLScalarText.string(value) }
            let variable = secretName(name, setting == .azureTenantID ? "AZURE_TENANT_ID" : "CLIENT_ID")
            notes.append("\(key) has no \(setting.label) in Halo; wrote ${env:\(variable)}, and plan will set it")
            return "${env:\(variable)}"
        }
        let companies = CatalogIndex("company", catalog?.companies ?? [])

        out.line(2, "- name: " + YAMLScalarText.string(name))
        switch integration {
        case .exactOnline:
            if let location = text(.location).flatMap(ExactLocation.init(rawValue:)) {
                out.line(3, "location: \(location.rawValue)")
            } else {
                notes.append(
                    "\(key) has \(text(.location).map { "location '\($0)'" } ?? "no location") in Halo; wrote nl, and plan will set it"
                )
                out.line(3, "location: nl", comment: "not set in Halo: check")
            }
            let division = record.division ?? 0
            if catalog != nil, !(catalog?.companies.contains { $0.code == String(division) } ?? false) {
                notes.append(
                    "\(key) connects Exact division \(division), which its login cannot reach; plan will refuse it")
            }
            out.line(3, "division: \(division)")
            out.line(3, "client_id: " + required(.clientID, text(.clientID)))
            out.line(3, "client_secret: ${env:\(secretName(name, "CLIENT_SECRET"))}")
            catalogBlock()
            taxRates(record, catalog: catalog)
        case .businessCentral:
            out.line(3, "azure_tenant_id: " + required(.azureTenantID, text(.azureTenantID)))
            out.line(3, "client_id: " + required(.clientID, text(.clientID)))
            out.line(3, "client_secret: ${env:\(secretName(name, "CLIENT_SECRET"))}")
            out.line(3, "environment: " + YAMLScalarText.string(text(.environment) ?? "Production"))
            if text(.environment) == nil {
                notes.append("\(key) has no environment in Halo; wrote Production, and plan will replace it")
            }
            let company = text(.companyID).flatMap { companies.entriesByID()[$0]?.code } ?? text(.company)
            out.line(3, "company: " + YAMLScalarText.string(company ?? ""))
            if company == nil { notes.append("\(key) has no company in Halo; validate will refuse the empty name") }
            catalogBlock()
            let sales = code(text(.defaultSalesAccount), in: catalog?.accounts, "account", key)
            let purchase = code(text(.defaultPurchaseAccount), in: catalog?.accounts, "account", key)
            if sales != nil || purchase != nil {
                out.line(3, "accounts:")
                if let sales { out.line(4, "default_sales: " + YAMLScalarText.quoted(sales)) }
                if let purchase { out.line(4, "default_purchase: " + YAMLScalarText.quoted(purchase)) }
            }
        case .sageBusinessCloud:
            let custom = record.authentication == .customApp
            if let authentication = record.authentication { out.line(3, "authentication: " + authentication.rawValue) }
            out.line(3, "business: " + YAMLScalarText.string(sageBusiness(key, catalog)))
            if text(.clientID) != nil || custom { out.line(3, "client_id: " + required(.clientID, text(.clientID))) }
            if custom { out.line(3, "client_secret: ${env:\(secretName(name, "CLIENT_SECRET"))}") }
            catalogBlock()
            taxRates(record, catalog: catalog)
        }
        mappingBlock(record, .customer, catalog: catalog)
        mappingBlock(record, .productGroup, catalog: catalog)
        sync(record, catalog: catalog)
    }

    /// The Sage business to write. Halo keeps none (its own Sage login picks it), so it is the business haloform's
    /// catalog login reaches, or the first listed when it reaches several, with a note to check it.
    private mutating func sageBusiness(_ key: CatalogKey, _ catalog: Catalog?) -> String {
        let businesses = catalog?.companies.map(\.code) ?? []
        guard let first = businesses.first else {
            notes.append(
                "\(key): Halo keeps no Sage business and its catalog login reached none; wrote an empty business, which plan refuses: name the business Halo's Sage login connects"
            )
            return ""
        }
        if businesses.count > 1 {
            notes.append(
                "\(key): Halo keeps no Sage business, and the catalog login reaches \(businesses.map { "'\($0)'" }.joined(separator: ", ")); wrote '\(first)', the first listed: check it is the one Halo's Sage login connects"
            )
        }
        return first
    }

    /// The value a `/Tax` record's tenant field holds for a tenant record: Exact's division, Sage's record id.
    private func taxOwner(_ record: TenantRecord) -> Int? {
        integration == .exactOnline ? record.division : record.id
    }

    /// haloform's own read access, from the variables import itself reads it from.
    private mutating func catalogBlock() {
        out.line(3, "catalog:")
        out.line(4, "client_id: ${env:\(SecretNames.catalogClientID(integration))}")
        out.line(4, "client_secret: ${env:\(SecretNames.catalogClientSecret(integration))}")
    }

    /// A variable name for a tenant's setting, unique across the import.
    private mutating func secretName(_ tenant: String, _ suffix: String) -> String {
        let base = SecretNames.tenant(integration, tenant, suffix)
        var name = base
        var number = 2
        while secretNames.contains(name) {
            name = base.dropLast(suffix.count + 1) + "_\(number)_" + suffix
            number += 1
        }
        secretNames.insert(name)
        return name
    }

    /// An accounting code Halo holds, checked against the catalog: a code the catalog lacks is noted, as plan will refuse it.
    private mutating func code(_ value: String?, in entries: [CatalogEntry]?, _ noun: String, _ key: CatalogKey)
        -> String?
    {
        guard let value else { return nil }
        if let entries, !entries.contains(where: { $0.code == value }) {
            notes.append(
                "\(key) names \(integration.displayName) \(noun) '\(value)', which is not in its catalog; plan will refuse it"
            )
        }
        return value
    }

    // MARK: - References

    /// A Halo record as the config refers to it: by its name when that names it alone, else by `halo_id` with a comment.
    private struct Reference {
        /// Halo's id.
        let id: Int
        /// The name that names the record alone, nil when it is referred to by id.
        let name: String?
        /// Why it is referred to by id, when it is.
        let comment: String?

        /// As a value: the name, or `{ halo_id: N }`.
        var text: String { name.map { YAMLScalarText.string($0, inFlow: true) } ?? "{ halo_id: \(id) }" }
        /// As an entry of a flow mapping: `halo: name`, or `halo_id: N`.
        var entry: String { name == nil ? "halo_id: \(id)" : "halo: \(text)" }
    }

    /// A Halo record as a reference: by its name, or by id with a comment when the name is shared or missing.
    private mutating func reference(_ id: Int, _ names: HaloNames, _ key: CatalogKey) -> Reference {
        guard let name = names.name(of: id) else {
            notes.append("\(key) refers to \(names.noun) \(id), which Halo does not hold; plan will refuse it")
            return Reference(id: id, name: nil, comment: "Halo holds no \(names.noun) \(id)")
        }
        let ids = names.ids(named: name)
        guard ids.count > 1 else { return Reference(id: id, name: name, comment: nil) }
        return Reference(
            id: id, name: nil,
            comment:
                "'\(name)' names \(ids.count) Halo \(names.noun)s (ids \(ids.sorted().map(String.init).joined(separator: ", ")))"
        )
    }

    /// A mapping line: `{ halo: …, <code key>: "…" }`, the code first when `codeFirst`.
    private mutating func mappingLine(
        _ level: Int, haloID: Int, code: String, names: HaloNames, key: CatalogKey, codeFirst: Bool
    ) {
        let reference = reference(haloID, names, key)
        let codePart = "\(integration.mappingKey): \(YAMLScalarText.quoted(code))"
        let parts = codeFirst ? "\(codePart), \(reference.entry)" : "\(reference.entry), \(codePart)"
        out.line(level, "- { " + parts + " }", comment: reference.comment)
    }

    /// A tenant's top level or product group, if set.
    private mutating func referenceSetting(_ field: TenantField, _ record: TenantRecord, _ names: HaloNames)
        -> Reference?
    {
        guard let id = record[field]?.int, id != 0 else { return nil }
        return reference(id, names, record.key)
    }

    // MARK: - Lists

    /// Tax-rate links, which live on Halo's `/Tax` records, and the daily import switch.
    private mutating func taxRates(_ record: TenantRecord, catalog: Catalog?) {
        guard TaxRecord.links(integration) else { return }
        let key = record.key
        let owner = taxOwner(record)
        var lines: [(id: Int, code: String)] = []
        for tax in remote.taxRecords {
            guard let id = tax.id, let code = tax.linkedCode(integration), let owner,
                tax.linkedTenant(integration) == owner
            else { continue }
            lines.append((id, code))
        }
        let importDaily = record[.dailyTaxImport]?.bool
        guard importDaily != nil || !lines.isEmpty else { return }
        out.line(3, "tax_rates:")
        if let importDaily { out.line(4, "import_daily: \(importDaily)") }
        guard !lines.isEmpty else { return }
        out.line(4, "mappings:")
        for line in lines {
            _ = code(line.code, in: catalog?.taxCodes, "tax code", key)
            mappingLine(5, haloID: line.id, code: line.code, names: config.taxes, key: key, codeFirst: false)
        }
    }

    /// Customers or products: the top level or default group, and the mapping list.
    private mutating func mappingBlock(_ record: TenantRecord, _ kind: MappingKind, catalog: Catalog?) {
        let key = record.key
        let customers = kind == .customer
        let links = record.links(kind)
        let names = customers ? config.clients : config.productGroups
        let setting =
            customers
            ? referenceSetting(.customerTopLevel, record, config.topLevels)
            : referenceSetting(.defaultProductGroup, record, config.productGroups)
        let accounts = customers ? [] : groupAccounts(record)
        guard setting != nil || !links.isEmpty || !accounts.isEmpty else { return }
        out.line(3, customers ? "customers:" : "products:")
        if let setting {
            out.line(4, "\(customers ? "top_level" : "default_group"): \(setting.text)", comment: setting.comment)
        }
        if !links.isEmpty {
            out.line(4, customers ? "mappings:" : "group_mappings:")
            let noun = customers ? "customer" : "item group"
            let entries = customers ? catalog?.customers : catalog?.productGroups
            mappings(links, key: key, entries: entries, noun: noun, names: names, codeFirst: !customers)
        }
        guard !accounts.isEmpty else { return }
        out.line(4, "group_accounts:")
        for (groupID, entry) in accounts { groupAccountsLine(groupID, entry, key: key, catalog: catalog) }
    }

    /// The tenant's entries on Halo product groups (`accounts_mappings`), by group id in Halo's order.
    private func groupAccounts(_ record: TenantRecord) -> [(Int, JSONObject)] {
        guard let tenantID = record.linkValue else { return [] }
        return remote.productGroupRecords.compactMap { group in
            guard let id = group.id, let entry = group.entry(forTenant: tenantID) else { return nil }
            return (id, entry)
        }
    }

    /// One `group_accounts` entry: the group, its codes checked against the catalog, its tax rates by name.
    private mutating func groupAccountsLine(_ groupID: Int, _ entry: JSONObject, key: CatalogKey, catalog: Catalog?) {
        let group = reference(groupID, config.productGroups, key)
        var parts = [group.entry]
        var comments = group.comment.map { [$0] } ?? []
        for field in [GroupAccountsField.income, .expense, .item] {
            let entries = field == .item ? catalog?.items : catalog?.accounts
            if let value = code(
                entry[field]?.string.flatMap { $0.isEmpty ? nil : $0 }, in: entries,
                field == .item ? "item" : "account", key)
            {
                parts.append("\(field.label): " + YAMLScalarText.quoted(value))
            }
        }
        for field in [GroupAccountsField.tax, .purchaseTax] {
            guard let id = entry[field]?.int, id != 0 else { continue }
            let tax = reference(id, config.taxes, key)
            parts.append("\(field.label): \(tax.text)")
            if let comment = tax.comment { comments.append(comment) }
        }
        out.line(
            5, "- { " + parts.joined(separator: ", ") + " }",
            comment: comments.isEmpty ? nil : comments.joined(separator: "; "))
    }

    /// A mapping list: each link's Halo record and accounting code; a link to an id the catalog lacks is commented out.
    private mutating func mappings(
        _ links: [ExternalLink], key: CatalogKey, entries: [CatalogEntry]?, noun: String, names: HaloNames,
        codeFirst: Bool
    ) {
        let byID = CatalogIndex(noun, entries ?? []).entriesByID()
        for link in links {
            guard let haloID = link.haloID, let thirdParty = link.thirdPartyID else { continue }
            if let entry = byID[thirdParty] {
                mappingLine(5, haloID: haloID, code: entry.code, names: names, key: key, codeFirst: codeFirst)
            } else if entries == nil, let code = link.thirdPartyDescription {
                mappingLine(5, haloID: haloID, code: code, names: names, key: key, codeFirst: codeFirst)
            } else {
                let halo = names.name(of: haloID).map { "'\($0)'" } ?? "\(names.noun) \(haloID)"
                notes.append(
                    "\(key) maps Halo \(names.noun) \(halo) to \(integration.displayName) \(noun) id '\(thirdParty)', which is not in its catalog; written as a comment, and plan will delete the mapping"
                )
                out.line(
                    5,
                    "# - { halo_id: \(haloID), \(integration.mappingKey): ? }  # \(integration.displayName) has no \(noun) with id \(thirdParty)"
                )
            }
        }
    }

    // MARK: - Sync

    /// The `sync:` block: the entities, the message switch and the integration's invoice settings.
    private mutating func sync(_ record: TenantRecord, catalog: Catalog?) {
        let key = record.key
        var lines: [String] = []
        if record[.syncEntities]?.string != nil {
            let listed = Set(record.syncEntities)
            let known = SyncEntity.allCases.filter(listed.contains).map(\.rawValue)
            let unknown = record.unknownSyncEntities
            if !unknown.isEmpty {
                notes.append(
                    "\(key) syncs \(unknown.map { "'\($0)'" }.joined(separator: ", ")), which the config cannot express; plan will stop it"
                )
            }
            lines.append("entities: [" + known.joined(separator: ", ") + "]")
            let enabled = record[.syncEnabled]?.bool
            if enabled != nil ? enabled != !known.isEmpty : !known.isEmpty {
                notes.append(
                    "\(key) has sync \(enabled == true ? "on" : "off") with \(known.isEmpty ? "no" : "some") entities; plan will turn it \(known.isEmpty ? "off" : "on")"
                )
            }
        } else if record[.syncEnabled]?.bool == true {
            notes.append("\(key) has sync on but no entities in Halo; left out")
        }
        if let show = record[.showSuccessMessage]?.bool { lines.append("show_success_message: \(show)") }
        switch integration {
        case .exactOnline:
            break
        case .businessCentral:
            if let item = code(
                record[.defaultInvoiceProduct]?.string.flatMap { $0.isEmpty ? nil : $0 }, in: catalog?.items, "item",
                key)
            {
                lines.append("default_invoice_product: " + YAMLScalarText.quoted(item))
            }
            if let groups = record[.invoiceGroupHeadersAsComments]?.bool {
                lines.append("invoice_group_headers_as_comments: \(groups)")
            }
            let group = record[.groupIncrement]?.int.flatMap { $0 >= 1 ? $0 : nil }
            let line = record[.lineIncrement]?.int.flatMap { $0 >= 1 ? $0 : nil }
            if group != nil || line != nil {
                lines.append(
                    "line_numbers: { "
                        + [group.map { "group_increment: \($0)" }, line.map { "line_increment: \($0)" }]
                        .compactMap { $0 }.joined(separator: ", ") + " }")
            }
        case .sageBusinessCloud:
            if let item = code(
                record[.defaultItemCode]?.string.flatMap { $0.isEmpty ? nil : $0 }, in: catalog?.items, "item", key)
            {
                lines.append("default_item_code: " + YAMLScalarText.quoted(item))
            }
        }
        guard !lines.isEmpty else { return }
        out.line(3, "sync:")
        for line in lines { out.line(4, line) }
    }
}
