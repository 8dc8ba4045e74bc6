/// A `{value, label}` pair (Halo's `KeyPair2`), as a tax rate's link to an accounting tax code.
public enum KeyPairField: String, HaloRecordField {
    case value, label

    public static let schema = "KeyPair2"
    public static let endpoint: String? = nil

    public var type: HaloFieldType { .string }
}
