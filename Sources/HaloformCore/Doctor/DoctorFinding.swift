/// One thing the doctor found: which check, about what, in which tenant, and why.
public struct DoctorFinding: Sendable, Hashable, Encodable {
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
    /// The tenant it concerns, if one; written as its address (`exact_online.tenant["exact-nl"]`).
    public var tenant: CatalogKey?
    /// For a finding about a tenant's sync list: the entity it lacks.
    public var entity: SyncEntity?
    /// Why, in words.
    public var reason: String
    /// For a failed sync in Halo's error log: how many times it failed in the window.
    public var count: Int?
    /// For a failed sync: when it last failed.
    public var latest: Timestamp?
    /// For a failed sync: what kind of entity (`Invoice`).
    public var entityType: String?

    /// Creates a finding.
    public init(
        _ check: DoctorCheck, _ subject: Subject, id: Int? = nil, name: String, tenant: CatalogKey? = nil,
        entity: SyncEntity? = nil,
        reason: String
    ) {
        self.check = check
        self.subject = subject
        self.id = id
        self.name = name
        self.tenant = tenant
        self.entity = entity
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case check, subject, id, name, tenant, entity, reason, count, latest, entityType
    }

    /// Writes the finding, its tenant as the address reports show.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(check, forKey: .check)
        try container.encode(subject, forKey: .subject)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(tenant?.description, forKey: .tenant)
        try container.encodeIfPresent(entity?.rawValue, forKey: .entity)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(count, forKey: .count)
        try container.encodeIfPresent(latest, forKey: .latest)
        try container.encodeIfPresent(entityType, forKey: .entityType)
    }
}
