public import YAMLSyntax

/// The proposals and conflicts for one list of one tenant.
public struct TenantSuggestions: Sendable, Hashable {
    /// The tenant.
    public var tenant: CatalogKey
    /// Which list.
    public var list: SuggestedList
    /// The list in the config, when it is written (where `--write` adds to it), else the tenant's mapping.
    public var range: SourceRange
    /// Whether the config writes the list itself (`mappings:` or `group_mappings:`).
    public var listIsWritten: Bool
    /// Where the list's entries are written.
    public var items: [SourceRange]
    /// The proposals, by Halo name.
    public var proposals: [MappingProposal]
    /// The conflicts.
    public var conflicts: [MatchConflict]
}
