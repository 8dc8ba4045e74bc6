/// Which list of a tenant a proposal belongs in.
public enum SuggestedList: String, Sendable, Hashable, Codable, Comparable {
    /// `customers.mappings`: Halo customer to accounting customer.
    case customers
    /// `products.group_mappings`: accounting item group to Halo product group.
    case productGroups = "product_groups"

    /// The list's path under the tenant, as a config writes it.
    public var path: String {
        switch self {
        case .customers: "customers.mappings"
        case .productGroups: "products.group_mappings"
        }
    }

    public static func < (lhs: SuggestedList, rhs: SuggestedList) -> Bool { lhs.rawValue < rhs.rawValue }
}
