/// A module switch under `/Features` (Halo's `ModuleSetup`).
public enum ModuleField: String, HaloRecordField {
    case id
    case moduleName = "module_name"
    case enabled

    public static let schema = "ModuleSetup"
    public static let endpoint: String? = "/Features"

    public var type: HaloFieldType {
        switch self {
        case .id: .integer
        case .moduleName: .string
        case .enabled: .boolean
        }
    }
}
