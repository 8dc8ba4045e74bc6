import JSONText

extension Planner {
    /// The settings a tenant's Halo record should hold, resolved; nil when a reference did not resolve.
    mutating func desiredFields(_ tenant: TenantConfig, catalog: Catalog) -> [ManagedField]? {
        let before = diagnostics.count
        var fields: [ManagedField] = []
        func add(_ field: TenantField, _ kind: ManagedField.Kind, _ value: JSONValue?, replaces: Bool = false) {
            guard let value, let haloField = field.haloField(tenant.integration) else { return }
            fields.append(
                ManagedField(
                    label: field.label, haloField: haloField, kind: kind, desired: value,
                    forcesReplacement: replaces, tenantField: field))
        }
        func text(_ value: Located<String>?) -> JSONValue? { value.map { .string($0.value) } }
        func resolved(_ value: Located<ConfigString>?, _ key: String) -> JSONValue? {
            value.flatMap { take(environment.resolve($0, key: key)) }.map { .string($0) }
        }
        func secret(_ value: Located<ConfigString>?) -> JSONValue? {
            guard case .environment(let name)? = value?.value else { return nil }
            return .string(name)
        }
        func catalogEntry(_ code: Located<String>?, _ list: [CatalogEntry], _ noun: String) -> CatalogEntry? {
            code.flatMap { take(CatalogIndex(noun, list).resolve($0, system: tenant.integration.displayName)) }
        }
        let companies = CatalogIndex(companyNoun(tenant.integration), catalog.companies)

        switch tenant.integration {
        case .exactOnline:
            add(.location, .text, tenant.location.map { .string($0.value.rawValue) })
            if let division = tenant.division {
                _ = take(companies.resolve(Located(String(division.value), at: division.range), system: "Exact Online"))
                add(.division, .number, .int(division.value))
            }
        case .businessCentral:
            add(.azureTenantID, .text, resolved(tenant.azureTenantID, "azure_tenant_id"))
            add(.environment, .text, text(tenant.environment), replaces: true)
            if let company = tenant.company,
                let entry = take(
                    companies.resolve(
                        company, system: "Business Central environment '\(tenant.environment?.value ?? "")'"))
            {
                add(.company, .text, .string(entry.code), replaces: true)
                add(.companyID, .text, .string(entry.id), replaces: true)
            }
            add(
                .defaultSalesAccount, .text,
                catalogEntry(tenant.defaultSalesAccount, catalog.accounts, "account").map { .string($0.code) })
            add(
                .defaultPurchaseAccount, .text,
                catalogEntry(tenant.defaultPurchaseAccount, catalog.accounts, "account").map { .string($0.code) })
        case .sageBusinessCloud:
            add(.authentication, .flag, tenant.authentication.map { .bool($0.value.usesHalosApp) })
            // Halo picks the business in its own Sage login and keeps none on the record: the config's business only
            // chooses the catalog haloform reads, so it is checked against the login's businesses and never written.
            if let business = tenant.business { _ = take(companies.resolve(business, system: "Sage")) }
        }
        add(.clientID, .text, resolved(tenant.clientID, "client_id"))
        add(.clientSecret, .secret, secret(tenant.clientSecret))
        add(
            .customerTopLevel, .reference(topLevels),
            tenant.customerTopLevel.flatMap { take(topLevels.resolve($0)) }.map { .int($0) })
        add(
            .defaultProductGroup, .reference(productGroups),
            tenant.defaultProductGroup.flatMap { take(productGroups.resolve($0)) }.map { .int($0) })
        add(.dailyTaxImport, .flag, tenant.importTaxRatesDaily.map { .bool($0.value) })
        if let sync = tenant.sync {
            if let entities = sync.entities {
                let names = SyncEntity.allCases.filter { entity in entities.value.contains { $0.value == entity } }.map(
                    \.rawValue)
                add(.syncEntities, .entities, .string(names.joined(separator: ",")))
                add(.syncEnabled, .flag, .bool(!names.isEmpty))
            }
            add(.showSuccessMessage, .flag, sync.showSuccessMessage.map { .bool($0.value) })
            add(
                .defaultInvoiceProduct, .text,
                catalogEntry(sync.defaultInvoiceProduct, catalog.items, "item").map { .string($0.code) })
            add(.invoiceGroupHeadersAsComments, .flag, sync.invoiceGroupHeadersAsComments.map { .bool($0.value) })
            add(.groupIncrement, .number, sync.groupIncrement.map { .int($0.value) })
            add(.lineIncrement, .number, sync.lineIncrement.map { .int($0.value) })
            add(
                .defaultItemCode, .text,
                catalogEntry(sync.defaultItemCode, catalog.items, "item").map { .string($0.code) })
        }
        return diagnostics.count == before ? fields : nil
    }

    /// What a company is called in each system, for messages.
    func companyNoun(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: "division"
        case .businessCentral: "company"
        case .sageBusinessCloud: "business"
        }
    }
}
