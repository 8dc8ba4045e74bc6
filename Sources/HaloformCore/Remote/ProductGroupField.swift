/// A Halo product group (`/AssetGroup`, Halo's `Generic`).
public enum ProductGroupField: String, HaloRecordField {
    case id, name
    /// The group's sales tax rate (a `/Tax` id), which its products may use.
    case taxID = "tax_id"
    /// Each accounting tenant's accounts on the group (`GroupAccountsField` entries).
    case accountsMappings = "accounts_mappings"

    public static let schema = "Generic"
    public static let endpoint: String? = "/AssetGroup"

    public var type: HaloFieldType {
        switch self {
        case .id, .taxID: .integer
        case .name: .string
        case .accountsMappings: .array
        }
    }
}
