/// What matching found: proposals and conflicts, each sorted by record key then candidate key.
public struct MatchOutcome: Sendable, Hashable {
    /// The proposals.
    public var matches: [RecordMatch]
    /// The conflicts.
    public var conflicts: [MatchConflict]
}
