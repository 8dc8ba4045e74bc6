/// A Halo customer (`/Client`, Halo's `Area`), as the doctor and `suggest` read it.
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
    /// The top level the customer sits under.
    case topLevelID = "toplevel_id"
    /// The customer's VAT number, read by `suggest`.
    case taxNumber = "tax_number"
    /// The accounts e-mail address, read by `suggest` for its domain.
    case accountsEmail = "accountsemailaddress"

    public static let schema = "Area"
    public static let endpoint: String? = "/Client"

    public var type: HaloFieldType {
        switch self {
        case .id, .exactDivision, .sageTenant, .itemTaxID, .topLevelID: .integer
        case .inactive, .excluded: .boolean
        case .name, .accountsID, .businessCentralCompany, .taxNumber, .accountsEmail: .string
        }
    }
}
