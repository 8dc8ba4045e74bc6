/// What `suggest` found over a whole config.
public struct SuggestReport: Sendable, Hashable {
    /// Per tenant and list, in the config's order; lists with nothing to say are left out.
    public var lists: [TenantSuggestions]

    /// Every proposal.
    public var proposalCount: Int { lists.reduce(0) { $0 + $1.proposals.count } }
    /// Every conflict.
    public var conflictCount: Int { lists.reduce(0) { $0 + $1.conflicts.count } }
}
