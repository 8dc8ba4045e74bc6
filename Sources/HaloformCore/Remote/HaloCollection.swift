/// A Halo API collection haloform reads or writes, named by its path under `/api`.
public enum HaloCollection: String, Sendable, Hashable, CaseIterable, Codable {
    case exactDetails = "ExactDetails"
    case businessCentralDetails = "BusinessCentralDetails"
    case sageBusinessCloudDetails = "SageBusinessCloudDetails"
    case control = "Control"
    case features = "Features"
    case tax = "Tax"
    case assetGroup = "AssetGroup"
    case topLevel = "TopLevel"
    case client = "Client"
    case item = "Item"
    case supplier = "Supplier"
    /// Halo's log of failed syncs, read by the doctor with its own paging (`IntegrationErrorField.pageQuery`).
    case integrationError = "IntegrationError"

    /// The path below `/api`.
    public var path: String { rawValue }

    /// The field that holds a record's id: `id` in every collection haloform touches.
    public static let idField = "id"

    /// The field that names a record, for people.
    public var nameField: String {
        switch self {
        case .features: ModuleField.moduleName.rawValue
        case .integrationError: IntegrationErrorField.entityName.rawValue
        default: "name"
        }
    }

    /// The key that holds the records in a paged list answer (`{record_count, clients: [...]}`), for paged collections.
    public var pagedListKey: String? {
        switch self {
        case .client: "clients"
        case .item: "items"
        case .supplier: "suppliers"
        default: nil
        }
    }

    /// The fields haloform reads of a paged list's records (`ClientField`, `ItemField`, `SupplierField`): the rest are
    /// skipped when a page is read, never built, so they neither cost memory nor enter a plan's fingerprint (an edit
    /// to a customer field no plan reads does not void a saved plan). Nil for the configuration collections, kept
    /// whole as a plan writes them back.
    public var readFields: Set<String>? {
        switch self {
        case .client: Self.clientFields
        case .item: Self.itemFields
        case .supplier: Self.supplierFields
        default: nil
        }
    }

    private static let clientFields = Set(ClientField.allCases.map(\.rawValue))
    private static let itemFields = Set(ItemField.allCases.map(\.rawValue))
    private static let supplierFields = Set(SupplierField.allCases.map(\.rawValue))

    /// The query parameters of one page of a paged list: Halo's own (sic) `pageinate`, `page_size`, `page_no`, and
    /// `includeinactive`, since a mapping may name an inactive customer and the plan must see it.
    public static func pageQuery(number: Int, size: Int) -> [(name: String, value: String)] {
        [("pageinate", "true"), ("page_size", String(size)), ("page_no", String(number)), ("includeinactive", "true")]
    }
}
