/// A Halo tax rate (`/Tax`) and its links to the accounting systems' tax codes.
public enum TaxField: String, HaloRecordField {
    case id, name
    case exactDivision = "exact_division"
    case exactTaxCode = "exacttaxcode"
    case sageTenant = "sage_tenant_id"
    case sageTaxCode = "sagebusinesscloudtaxcode"

    public static let schema = "Tax"
    public static let endpoint: String? = "/Tax"

    public var type: HaloFieldType {
        switch self {
        case .id, .exactDivision, .sageTenant: .integer
        case .name: .string
        case .exactTaxCode, .sageTaxCode: .object
        }
    }

    /// The fields naming a linked tenant and its tax code (a `KeyPair2`); nil for Business Central, which takes none.
    static func link(_ integration: Integration) -> (tenant: TaxField, code: TaxField)? {
        switch integration {
        case .exactOnline: (.exactDivision, .exactTaxCode)
        case .businessCentral: nil
        case .sageBusinessCloud: (.sageTenant, .sageTaxCode)
        }
    }
}
