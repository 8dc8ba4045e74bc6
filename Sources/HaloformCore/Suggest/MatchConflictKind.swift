/// Why a record gets no proposal although a candidate was found.
public enum MatchConflictKind: String, Sendable, Hashable, Codable {
    /// Two or more records would claim the same candidate; mappings are one to one.
    case sharedCandidate = "shared_candidate"
    /// The candidate is already mapped to another record in the config.
    case alreadyMapped = "already_mapped"
    /// Two candidates fit the record equally well.
    case ambiguous
}
