/// A kind of evidence that two records are the same, strongest first.
public enum EvidenceKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case vatNumber = "vat_number"
    case registrationNumber = "registration_number"
    case emailDomain = "email_domain"
    case sameName = "same_name"
    case nearName = "near_name"

    /// The phrase a comment gives it.
    public var phrase: String {
        switch self {
        case .vatNumber: "same VAT number"
        case .registrationNumber: "same registration number"
        case .emailDomain: "same e-mail domain"
        case .sameName: "same name"
        case .nearName: "near name"
        }
    }

    /// Its rank: 0 for the strongest.
    var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: EvidenceKind, rhs: EvidenceKind) -> Bool { lhs.rank < rhs.rank }
}
