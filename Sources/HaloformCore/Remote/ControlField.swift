/// The `/Control` singleton's fields haloform touches: the integrations' global defaults.
public enum ControlField: String, HaloRecordField {
    case id
    /// Exact's default division.
    case exactDefaultDivision = "exactdefaultdivision"
    /// The status Exact gives new invoices (2025 edition).
    case exactDefaultInvoiceStatus = "exact_default_invoice_status"
    /// Business Central's default company id, and the tenant name beside it.
    case businessCentralDefaultCompany = "dbc_default_company"
    case businessCentralDefaultTenantName = "dbcdefaulttenantname"
    /// Sage's default `*Details` id.
    case sageDefaultTenant = "sagebusinessclouddefaulttenantid"
    /// Configuration > Billing > General Settings: generate the accounts id of new customers, and of new products.
    case autoGenerateCustomerAccountsID = "autogenerate_accountsid"
    case autoGenerateProductAccountsID = "autogenerate_itemaccountsid"
    /// Business Central's legacy integration in place of the current one.
    case legacyBusinessCentral = "enable_legacy_dbc_integration"
    /// The global default tax rate of items (a `/Tax` id), which a product with no tax of its own or its group's takes.
    case defaultItemTax = "default_item_tax_code"

    public static let schema = "Control"
    public static let endpoint: String? = "/Control"

    public var type: HaloFieldType {
        switch self {
        case .id, .exactDefaultDivision, .exactDefaultInvoiceStatus, .sageDefaultTenant, .defaultItemTax: .integer
        case .businessCentralDefaultCompany, .businessCentralDefaultTenantName: .string
        case .autoGenerateCustomerAccountsID, .autoGenerateProductAccountsID, .legacyBusinessCentral: .boolean
        }
    }
}
