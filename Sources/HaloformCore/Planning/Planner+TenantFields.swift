extension Planner {
    /// The settings a tenant's Halo record should hold, resolved; nil when a reference did not resolve.
    mutating func desiredFields(_ tenant: TenantConfig, catalog: Catalog) -> [ManagedField]? {
        let before = diagnostics.count
        var fields: [ManagedField] = []
        func add(_ label: String, _ haloField: String, _ kind: ManagedField.Kind, _ value: JSONValue?, replaces: Bool = false) {
            guard let value else { return }
            fields.append(ManagedField(label: label, haloField: haloField, kind: kind, desired: value, forcesReplacement: replaces))
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
            add("location", "locale", .text, text(tenant.location))
            if let division = tenant.division {
                _ = take(companies.resolve(Located(String(division.value), at: division.range), system: "Exact Online"))
                add("division", "division", .number, .int(division.value))
            }
        case .businessCentral:
            add("azure_tenant_id", "tenant_id", .text, resolved(tenant.azureTenantID, "azure_tenant_id"))
            add("environment", "environment_name", .text, text(tenant.environment), replaces: true)
            if let company = tenant.company, let entry = take(companies.resolve(company, system: "Business Central environment '\(tenant.environment?.value ?? "")'")) {
                add("company", "company_name", .text, .string(entry.code), replaces: true)
                add("company (id)", "company_id", .text, .string(entry.id), replaces: true)
            }
            add("accounts.default_sales", "default_sales_account", .text, catalogEntry(tenant.defaultSalesAccount, catalog.accounts, "account").map { .string($0.code) })
            add("accounts.default_purchase", "default_purchase_account", .text, catalogEntry(tenant.defaultPurchaseAccount, catalog.accounts, "account").map { .string($0.code) })
        case .sageBusinessCloud:
            add("authentication", "sbcdnewmethod", .flag, tenant.authentication.map { .bool($0.value != "custom_app") })
            if let business = tenant.business, let entry = take(companies.resolve(business, system: "Sage")) {
                add("business", "tenantid", .catalogID(companies), .string(entry.id))
            }
        }
        add("client_id", "client_id", .text, resolved(tenant.clientID, "client_id"))
        add("client_secret", "new_client_secret", .secret, secret(tenant.clientSecret))
        add("customers.top_level", tenant.integration == .businessCentral ? "client_top_level" : "clienttoplevel",
            .reference(topLevels), tenant.customerTopLevel.flatMap { take(topLevels.resolve($0)) }.map { .int($0) })
        add("products.default_group", tenant.integration == .businessCentral ? "item_default_group" : "itemgroup",
            .reference(productGroups), tenant.defaultProductGroup.flatMap { take(productGroups.resolve($0)) }.map { .int($0) })
        if tenant.integration != .businessCentral {
            add("tax_rates.import_daily", "import_tax_rates_daily", .flag, tenant.importTaxRatesDaily.map { .bool($0.value) })
        }
        if let sync = tenant.sync {
            let bc = tenant.integration == .businessCentral
            if let entities = sync.entities {
                let names = ConfigSchema.syncEntities.filter { name in entities.value.contains { $0.value == name } }
                add("sync.entities", bc ? "sync_entities" : "syncentities", .entities, .string(names.joined(separator: ",")))
                add("sync.enabled", bc ? "enable_sync" : "enablesync", .flag, .bool(!names.isEmpty))
            }
            add("sync.show_success_message", bc ? "show_message" : "showmessage", .flag, sync.showSuccessMessage.map { .bool($0.value) })
            add("sync.default_invoice_product", "default_invoice_item", .text,
                catalogEntry(sync.defaultInvoiceProduct, catalog.items, "item").map { .string($0.code) })
            add("sync.invoice_group_headers_as_comments", "sync_inv_groups", .flag, sync.invoiceGroupHeadersAsComments.map { .bool($0.value) })
            add("sync.line_numbers.group_increment", "group_increment", .number, sync.groupIncrement.map { .int($0.value) })
            add("sync.line_numbers.line_increment", "line_increment", .number, sync.lineIncrement.map { .int($0.value) })
            add("sync.default_item_code", "defaultitemcode", .text, catalogEntry(sync.defaultItemCode, catalog.items, "item").map { .string($0.code) })
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
