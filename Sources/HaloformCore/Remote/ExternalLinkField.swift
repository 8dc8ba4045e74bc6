/// An entry of a tenant record's `client_mappings` or `item_group_mappings` (Halo's `ExternalLink_List`).
public enum ExternalLinkField: String, HaloRecordField {
    case id
    case tableID = "table_id"
    case haloID = "halo_id"
    case haloDescription = "halo_desc"
    case thirdPartyID = "third_party_id"
    case thirdPartyDescription = "third_party_desc"
    /// The tenant record the entry belongs to, which Halo sets: read only to keep the entry compact.
    case detailsID = "details_id"

    public static let schema = "ExternalLink_List"
    public static let endpoint: String? = "/ExternalLink"

    public var type: HaloFieldType {
        switch self {
        case .id, .tableID, .haloID, .detailsID: .integer
        case .haloDescription, .thirdPartyID, .thirdPartyDescription: .string
        }
    }

    /// The `table_id` haloform gives a new customer mapping: Area (customers) is table 2 in a third-party client's list
    /// of Halo's tables, not in Halo's document; product-group mappings get none, as no value is known for them.
    static let customerTableID = 2
}
