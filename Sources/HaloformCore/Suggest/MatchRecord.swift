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
    public init(
        key: String, name: String, vatNumber: String? = nil, registrationNumber: String? = nil, email: String? = nil
    ) {
        self.key = key
        self.name = name
        self.vatNumber = vatNumber
        self.registrationNumber = registrationNumber
        self.email = email
    }
}
