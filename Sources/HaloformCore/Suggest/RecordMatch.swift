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
