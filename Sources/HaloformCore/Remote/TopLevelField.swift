/// A Halo top level (`/TopLevel`, Halo's `Tree`).
public enum TopLevelField: String, HaloRecordField {
    case id, name

    public static let schema = "Tree"
    public static let endpoint: String? = "/TopLevel"

    public var type: HaloFieldType { self == .id ? .integer : .string }
}
