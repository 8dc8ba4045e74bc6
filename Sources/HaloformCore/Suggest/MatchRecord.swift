/// One record on either side of a match: the key a config writes for it, its name, and what identifies it.
public struct MatchRecord: Sendable, Hashable, Codable {
    /// What the config writes: a Halo name, or an accounting code.
    public var key: String
    /// The display name.
    public var name: String
    /// The VAT number, as the system holds it.
    public var vatNumber: String?
    /// The company registration number (KvK, Companies House), as the system holds it.
    public var registrationNumber: String?
    /// An e-mail address of the record (the accounts address in Halo).
    public var email: String?

    /// Creates a record.
    public init(key: String, name: String, vatNumber: String? = nil, registrationNumber: String? = nil, email: String? = nil) {
        self.key = key
        self.name = name
        self.vatNumber = vatNumber
        self.registrationNumber = registrationNumber
        self.email = email
    }
}

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

/// One piece of evidence: its kind and what matched ("NL812345678B01", "brouwerzonen.nl", "cafe noordzee").
public struct Evidence: Sendable, Hashable, Codable {
    /// The kind.
    public var kind: EvidenceKind
    /// What matched.
    public var detail: String
    /// How strongly it says the records are the same, in hundredths.
    public var weight: Int

    /// Creates evidence.
    public init(_ kind: EvidenceKind, _ detail: String, weight: Int) {
        self.kind = kind
        self.detail = detail
        self.weight = weight
    }

    /// `kind (detail)`, as a comment reads it.
    public var description: String { "\(kind.phrase) (\(detail))" }
}

/// A proposed pair: the record to map, the candidate it maps to, why, and how sure.
public struct RecordMatch: Sendable, Hashable {
    /// The record that needs a mapping.
    public var record: MatchRecord
    /// The candidate it maps to.
    public var candidate: MatchRecord
    /// The evidence, strongest first.
    public var evidence: [Evidence]
    /// The confidence, in hundredths (0 … 99).
    public var confidence: Int
}

/// Why a record gets no proposal although a candidate was found.
public enum MatchConflictKind: String, Sendable, Hashable, Codable {
    /// Two or more records would claim the same candidate; mappings are one to one.
    case sharedCandidate = "shared_candidate"
    /// The candidate is already mapped to another record in the config.
    case alreadyMapped = "already_mapped"
    /// Two candidates fit the record equally well.
    case ambiguous
}

/// A candidate no proposal may take, with the records involved.
public struct MatchConflict: Sendable, Hashable {
    /// Why.
    public var kind: MatchConflictKind
    /// The records that would claim the candidate (one, unless shared).
    public var records: [MatchRecord]
    /// The candidates involved (one, unless ambiguous).
    public var candidates: [MatchRecord]
    /// The record the config already maps the candidate to (already mapped only).
    public var mappedTo: String?
    /// The best evidence of the first record.
    public var evidence: [Evidence]
}

/// What matching found: proposals and conflicts, each sorted by record key then candidate key.
public struct MatchOutcome: Sendable, Hashable {
    /// The proposals.
    public var matches: [RecordMatch]
    /// The conflicts.
    public var conflicts: [MatchConflict]
}
