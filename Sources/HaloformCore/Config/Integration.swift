/// One of the accounting integrations Halo offers, with the names it goes by in YAML, in Halo and in the plan.
public enum Integration: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case exactOnline = "exact_online"
    case businessCentral = "business_central"
    case sageBusinessCloud = "sage_business_cloud"

    /// The top-level YAML key, which is also the first part of every plan address.
    public var key: String { rawValue }

    /// The name people know it by, which is also Halo's module name under `/Features`.
    public var displayName: String {
        switch self {
        case .exactOnline: "Exact Online"
        case .businessCentral: "Business Central"
        case .sageBusinessCloud: "Sage Business Cloud"
        }
    }

    /// The Halo collection that holds one record per tenant.
    public var detailsCollection: HaloCollection {
        switch self {
        case .exactOnline: .exactDetails
        case .businessCentral: .businessCentralDetails
        case .sageBusinessCloud: .sageBusinessCloudDetails
        }
    }

    /// The integration whose tenants `collection` holds, nil for any other collection.
    public init?(detailsCollection collection: HaloCollection) {
        guard let integration = Self.allCases.first(where: { $0.detailsCollection == collection }) else { return nil }
        self = integration
    }

    /// The key of the accounting code in a mapping (`exact: "1001"`).
    public var mappingKey: String {
        switch self {
        case .exactOnline: "exact"
        case .businessCentral: "business_central"
        case .sageBusinessCloud: "sage"
        }
    }

    public static func < (lhs: Integration, rhs: Integration) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
