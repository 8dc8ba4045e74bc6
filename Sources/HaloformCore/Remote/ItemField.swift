/// A Halo product (`/Item`), as the doctor reads it. Halo's `Item` has no `inactive`, only a `status` whose values
/// the document does not give, so haloform never judges a product inactive.
public enum ItemField: String, HaloRecordField {
    case id, name
    case accountsID = "accountsid"
    case excluded = "ignore_from_accounting_sync"
    case taxID = "taxcode"
    case groupID = "assetgroup_id"
    case salesAccount = "nominalcode"
    case purchaseAccount = "purchasenominalcode"
    case exactDivision = "exact_division"
    case businessCentralCompany = "dbc_company_id"
    case sageTenant = "sage_business_cloud_details_id"

    public static let schema = "Item"
    public static let endpoint: String? = "/Item"

    public var type: HaloFieldType {
        switch self {
        case .id, .taxID, .groupID, .exactDivision, .sageTenant: .integer
        case .excluded: .boolean
        case .name, .accountsID, .salesAccount, .purchaseAccount, .businessCentralCompany: .string
        }
    }
}
