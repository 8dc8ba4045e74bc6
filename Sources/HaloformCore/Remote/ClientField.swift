/// A Halo customer (`/Client`, Halo's `Area`), as the doctor reads it.
public enum ClientField: String, HaloRecordField {
    case id, name, inactive
    case accountsID = "accountsid"
    /// "Exclude from Accounting Integration".
    case excluded = "excludefrominvoicesync"
    case exactDivision = "exact_division"
    case businessCentralCompany = "dbc_company_id"
    case sageTenant = "sage_business_cloud_details_id"
    /// The customer's own tax rate for items (a `/Tax` id), set "against a customer".
    case itemTaxID = "item_tax_code"

    public static let schema = "Area"
    public static let endpoint: String? = "/Client"

    public var type: HaloFieldType {
        switch self {
        case .id, .exactDivision, .sageTenant, .itemTaxID: .integer
        case .inactive, .excluded: .boolean
        case .name, .accountsID, .businessCentralCompany: .string
        }
    }
}
