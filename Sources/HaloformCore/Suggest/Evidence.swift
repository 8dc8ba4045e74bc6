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
