/// An entry of Halo's log of failed syncs, `/IntegrationError`: which integration and tenant record, which entity, why.
public enum IntegrationErrorField: String, HaloRecordField {
    case id
    case moduleID = "module_id"
    case detailID = "detail_id"
    case entityType = "entity_type"
    case entityID = "entity_id"
    case entityName = "entity_name"
    case error
    case date

    public static let schema = "IntegrationError"
    public static let endpoint: String? = "/IntegrationError"

    public var type: HaloFieldType {
        switch self {
        case .id, .moduleID, .detailID, .entityID: .integer
        case .entityType, .entityName, .error, .date: .string
        }
    }

    /// The query of one page of the log, newest first, by the document's `pageinate`, `page_size`, `page_no`, `order`
    /// and `orderdesc` (it has no date filter, so the reader stops at the first page that reaches past its window).
    public static func pageQuery(number: Int, size: Int) -> [(name: String, value: String)] {
        [
            ("pageinate", "true"), ("page_size", String(size)), ("page_no", String(number)),
            ("order", Self.date.rawValue), ("orderdesc", "true"),
        ]
    }
}
