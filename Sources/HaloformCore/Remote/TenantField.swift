import JSONText

/// A field of the three `*Details` records (one per tenant) and the config setting it holds: the one table the
/// planner writes by and import and the doctor read by, so they cannot drift apart. Halo's published document is the
/// evidence for every name (the contract test walks `allCases`).
public enum TenantField: CaseIterable, Sendable {
    case id, name
    case location, division
    case azureTenantID, environment, company, companyID, defaultSalesAccount, defaultPurchaseAccount
    case authentication
    case clientID, clientSecret
    case customerTopLevel, defaultProductGroup, dailyTaxImport
    case syncEntities, syncEnabled, showSuccessMessage, defaultInvoiceProduct, invoiceGroupHeadersAsComments
    case groupIncrement, lineIncrement, defaultItemCode
    case customerMappings, productGroupMappings
    /// The connection state, which a person sets in Halo ("Connect Now", "Authorize Application"): read, never written.
    case authorized, tokenExpiry

    /// The YAML path below the tenant, as plans show it (`sync.entities`).
    public var label: String {
        switch self {
        case .id: "id"
        case .name: "name"
        case .location: "location"
        case .division: "division"
        case .azureTenantID: "azure_tenant_id"
        case .environment: "environment"
        case .company: "company"
        case .companyID: "company (id)"
        case .defaultSalesAccount: "accounts.default_sales"
        case .defaultPurchaseAccount: "accounts.default_purchase"
        case .authentication: "authentication"
        case .clientID: "client_id"
        case .clientSecret: "client_secret"
        case .customerTopLevel: "customers.top_level"
        case .defaultProductGroup: "products.default_group"
        case .dailyTaxImport: "tax_rates.import_daily"
        case .syncEntities: "sync.entities"
        case .syncEnabled: "sync.enabled"
        case .showSuccessMessage: "sync.show_success_message"
        case .defaultInvoiceProduct: "sync.default_invoice_product"
        case .invoiceGroupHeadersAsComments: "sync.invoice_group_headers_as_comments"
        case .groupIncrement: "sync.line_numbers.group_increment"
        case .lineIncrement: "sync.line_numbers.line_increment"
        case .defaultItemCode: "sync.default_item_code"
        case .customerMappings: "customers.mappings"
        case .productGroupMappings: "products.group_mappings"
        case .authorized: "connection.authorized"
        case .tokenExpiry: "connection.token_expiry"
        }
    }

    /// The field on the integration's `*Details` record, or nil when that record has none for this setting.
    public func haloField(_ integration: Integration) -> String? {
        let bc = integration == .businessCentral
        switch self {
        case .id: return "id"
        case .name: return "name"
        case .clientID: return "client_id"
        case .clientSecret: return "new_client_secret"
        case .customerMappings: return "client_mappings"
        case .productGroupMappings: return "item_group_mappings"
        case .authorized: return bc ? "authorized" : "isauthorized"
        case .tokenExpiry: return bc ? "token_expiry" : "tokenexpiry"
        case .customerTopLevel: return bc ? "client_top_level" : "clienttoplevel"
        case .defaultProductGroup: return bc ? "item_default_group" : "itemgroup"
        case .syncEntities: return bc ? "sync_entities" : "syncentities"
        case .syncEnabled: return bc ? "enable_sync" : "enablesync"
        case .showSuccessMessage: return bc ? "show_message" : "showmessage"
        case .dailyTaxImport: return bc ? nil : "do_daily_tax_import"
        case .location: return integration == .exactOnline ? "locale" : nil
        case .division: return integration == .exactOnline ? "division" : nil
        case .authentication: return integration == .sageBusinessCloud ? "sbcdnewmethod" : nil
        case .defaultItemCode: return integration == .sageBusinessCloud ? "defaultitemcode" : nil
        case .azureTenantID, .environment, .company, .companyID, .defaultSalesAccount, .defaultPurchaseAccount,
            .defaultInvoiceProduct, .invoiceGroupHeadersAsComments, .groupIncrement, .lineIncrement:
            guard bc else { return nil }
            return switch self {
            case .azureTenantID: "tenant_id"
            case .environment: "environment_name"
            case .company: "company_name"
            case .companyID: "company_id"
            case .defaultSalesAccount: "default_sales_account"
            case .defaultPurchaseAccount: "default_purchase_account"
            case .defaultInvoiceProduct: "default_invoice_item"
            case .invoiceGroupHeadersAsComments: "sync_inv_groups"
            case .groupIncrement: "group_increment"
            default: "line_increment"
            }
        }
    }

    /// Whether plans show a change of it: not an id that follows a field they show (`company (id)` follows `company`).
    public var isShownInPlans: Bool { self != .companyID }

    /// The JSON type Halo gives the field.
    public var type: HaloFieldType {
        switch self {
        case .id, .division, .customerTopLevel, .defaultProductGroup, .groupIncrement, .lineIncrement: .integer
        case .authentication, .dailyTaxImport, .syncEnabled, .showSuccessMessage, .invoiceGroupHeadersAsComments,
            .authorized:
            .boolean
        case .customerMappings, .productGroupMappings: .array
        default: .string
        }
    }
}
