/// A Halo supplier (`/Supplier`, Halo's `Company`), as the doctor reads it.
public enum SupplierField: String, HaloRecordField {
    case id, name, inactive
    case accountsID = "accounts_id"
    case excluded = "ignore_from_accounting_sync"

    public static let schema = "Company"
    public static let endpoint: String? = "/Supplier"

    public var type: HaloFieldType {
        switch self {
        case .id: .integer
        case .inactive, .excluded: .boolean
        case .name, .accountsID: .string
        }
    }
}
