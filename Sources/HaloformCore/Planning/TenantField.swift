/// A tenant setting of the config and the field of Halo's `*Details` record that holds it: the one table the planner
/// writes by and import reads back by, so the two cannot drift apart.
enum TenantField: CaseIterable {
    case location, division
    case azureTenantID, environment, company, companyID, defaultSalesAccount, defaultPurchaseAccount
    case authentication, business
    case clientID, clientSecret
    case customerTopLevel, defaultProductGroup, importTaxRatesDaily
    case syncEntities, syncEnabled, showSuccessMessage, defaultInvoiceProduct, invoiceGroupHeadersAsComments
    case groupIncrement, lineIncrement, defaultItemCode

    /// The YAML path below the tenant, as plans show it (`sync.entities`).
    var label: String {
        switch self {
        case .location: "location"
        case .division: "division"
        case .azureTenantID: "azure_tenant_id"
        case .environment: "environment"
        case .company: "company"
        case .companyID: "company (id)"
        case .defaultSalesAccount: "accounts.default_sales"
        case .defaultPurchaseAccount: "accounts.default_purchase"
        case .authentication: "authentication"
        case .business: "business"
        case .clientID: "client_id"
        case .clientSecret: "client_secret"
        case .customerTopLevel: "customers.top_level"
        case .defaultProductGroup: "products.default_group"
        case .importTaxRatesDaily: "tax_rates.import_daily"
        case .syncEntities: "sync.entities"
        case .syncEnabled: "sync.enabled"
        case .showSuccessMessage: "sync.show_success_message"
        case .defaultInvoiceProduct: "sync.default_invoice_product"
        case .invoiceGroupHeadersAsComments: "sync.invoice_group_headers_as_comments"
        case .groupIncrement: "sync.line_numbers.group_increment"
        case .lineIncrement: "sync.line_numbers.line_increment"
        case .defaultItemCode: "sync.default_item_code"
        }
    }

    /// The field on the integration's `*Details` record.
    func haloField(_ integration: Integration) -> String {
        let bc = integration == .businessCentral
        switch self {
        case .location: return "locale"
        case .division: return "division"
        case .azureTenantID: return "tenant_id"
        case .environment: return "environment_name"
        case .company: return "company_name"
        case .companyID: return "company_id"
        case .defaultSalesAccount: return "default_sales_account"
        case .defaultPurchaseAccount: return "default_purchase_account"
        case .authentication: return "sbcdnewmethod"
        case .business: return "tenantid"
        case .clientID: return "client_id"
        case .clientSecret: return "new_client_secret"
        case .customerTopLevel: return bc ? "client_top_level" : "clienttoplevel"
        case .defaultProductGroup: return bc ? "item_default_group" : "itemgroup"
        case .importTaxRatesDaily: return "import_tax_rates_daily"
        case .syncEntities: return bc ? "sync_entities" : "syncentities"
        case .syncEnabled: return bc ? "enable_sync" : "enablesync"
        case .showSuccessMessage: return bc ? "show_message" : "showmessage"
        case .defaultInvoiceProduct: return "default_invoice_item"
        case .invoiceGroupHeadersAsComments: return "sync_inv_groups"
        case .groupIncrement: return "group_increment"
        case .lineIncrement: return "line_increment"
        case .defaultItemCode: return "defaultitemcode"
        }
    }
}
