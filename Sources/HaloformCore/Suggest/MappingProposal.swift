/// One mapping `suggest` proposes: the Halo name, the accounting code, their names, why and how sure.
public struct MappingProposal: Sendable, Hashable {
    /// The Halo record's name.
    public var halo: String
    /// The accounting code.
    public var code: String
    /// The accounting record's name.
    public var codeName: String
    /// The evidence, strongest first.
    public var evidence: [Evidence]
    /// The confidence, in hundredths.
    public var confidence: Int
}
