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
