/// Where Halo keeps the links between its tax rates and an integration's tax codes, and its global defaults.
enum HaloFields {
    /// The `/Tax` fields naming a linked tenant and its tax code (`{value, label}`); nil for Business Central, which takes none.
    static func taxLink(_ integration: Integration) -> (tenant: String, code: String)? {
        switch integration {
        case .exactOnline: ("exact_division", "exacttaxcode")
        case .businessCentral: nil
        case .sageBusinessCloud: ("sage_tenant_id", "sagebusinesscloudtaxcode")
        }
    }

    /// `/Control`: Exact's default division.
    static let exactDefaultDivision = "exactdefaultdivision"
    /// `/Control`: Business Central's default company id, and the tenant name beside it.
    static let businessCentralDefaultCompany = "dbc_default_company"
    static let businessCentralDefaultTenantName = "dbcdefaulttenantname"
    /// `/Control`: Sage's default `*Details` id.
    static let sageDefaultTenant = "sagebusinessclouddefaulttenantid"
    /// `/Control`: the status Exact gives new invoices, and its codes by config name.
    static let exactInvoiceStatus = "exact_default_invoice_status"
    static let exactInvoiceStatusCodes: KeyValuePairs<String, Int> = ["open": 20, "processed": 50]

    /// Exact's invoice status code for a config name.
    static func exactInvoiceStatusCode(_ name: String) -> Int {
        exactInvoiceStatusCodes.first { $0.key == name }?.value ?? 20
    }

    /// The config name of an Exact invoice status code, if it has one.
    static func exactInvoiceStatusName(_ code: Int) -> String? {
        exactInvoiceStatusCodes.first { $0.value == code }?.key
    }
}
