/// An entry of a product group's `accounts_mappings` (Halo's `GenericAccountsMappings`): one accounting tenant's accounts
/// on the group.
public enum GroupAccountsField: String, HaloRecordField {
    case id
    /// Which tenant the entry is for: Exact's division, Business Central's company id, Sage's tenant record id, as text.
    case tenantID = "tenantid"
    case income = "nominalcode"
    case expense = "nominalcode_purchase"
    case item = "itemcode"
    /// Halo tax rates (`/Tax` ids) for sales and purchases.
    case tax = "taxcode"
    case purchaseTax = "taxcode_purchase"

    public static let schema = "GenericAccountsMappings"
    public static let endpoint: String? = nil

    /// The key of `products.group_accounts` entries that sets the field.
    public var label: String {
        switch self {
        case .income: "income"
        case .expense: "expense"
        case .item: "item"
        case .tax: "tax"
        case .purchaseTax: "purchase_tax"
        case .id, .tenantID: rawValue
        }
    }

    public var type: HaloFieldType {
        switch self {
        case .id, .tax, .purchaseTax: .integer
        case .tenantID, .income, .expense, .item: .string
        }
    }
}
