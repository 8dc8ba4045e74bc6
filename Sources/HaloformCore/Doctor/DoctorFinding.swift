/// One thing the doctor found: which check, about what, in which tenant, and why.
public struct DoctorFinding: Sendable, Hashable, Codable {
    /// What a finding is about.
    public enum Subject: String, Sendable, Hashable, Codable {
        case integration, tenant, customer, product, supplier
    }

    /// The check that found it.
    public var check: DoctorCheck
    /// What kind of thing it is about.
    public var subject: Subject
    /// The Halo id of a customer, product or supplier.
    public var id: Int?
    /// Its name: a record's name, a tenant's address, an integration's key.
    public var name: String
    /// The tenant it concerns, if one (`exact_online.tenant["exact-nl"]`).
    public var tenant: String?
    /// Why, in words.
    public var reason: String
    /// For a failed sync in Halo's error log: how many times it failed in the window.
    public var count: Int?
    /// For a failed sync: when it last failed.
    public var latest: Timestamp?
    /// For a failed sync: what kind of entity (`Invoice`).
    public var entityType: String?

    /// Creates a finding.
    public init(_ check: DoctorCheck, _ subject: Subject, id: Int? = nil, name: String, tenant: String? = nil, reason: String) {
        self.check = check
        self.subject = subject
        self.id = id
        self.name = name
        self.tenant = tenant
        self.reason = reason
    }
}
