import JSONText

/// What `apply` would do: addressed changes for people, and the Halo requests that carry them out. `PlanJSONRenderer`
/// writes the document that this type reads.
public struct Plan: Sendable, Hashable, Decodable {
    /// The version of this document's shape; readers refuse versions they do not know.
    public static let currentFormatVersion = 2

    /// The plan document's version.
    public var formatVersion: Int
    /// The fingerprint of the remote state the plan was made against.
    public var remoteFingerprint: String
    /// The changes, in the order they apply.
    public var changes: [PlannedChange]
    /// The Halo requests, in order; each carries one or more changes.
    public var operations: [Operation]
    /// What the guides warn of, for the reviewer.
    public var warnings: [PlanWarning]
    /// Records Halo holds beyond a `prune: false` list: reported, left alone.
    public var drift: [Drift]
    /// Declared tenants Halo holds that are not connected, or whose token has expired or expires soon: apart from the
    /// changes, since only a person can connect a tenant.
    public var connections: [ConnectionNote]
    /// What a person must still do in Halo after apply, per tenant (connect it, run the imports the guides ask for).
    public var followUp: [FollowUp]
    /// The config root the plan was made from, when saved to a file.
    public var configRoot: String?
    /// What Halo held when the plan was made, when saved to a file: a refused plan then says what changed.
    public var priorState: RemoteSnapshot?
    /// The requests the plan made and apply will send, per system, when the plan was made against live services.
    public var cost: PlanCost?
    /// What the config's coverage rules demand a mapping for and nothing maps.
    public var uncovered: [UncoveredRecord] = []

    /// Creates a plan.
    public init(
        remoteFingerprint: String, changes: [PlannedChange], operations: [Operation], warnings: [PlanWarning],
        drift: [Drift]
    ) {
        self.formatVersion = Self.currentFormatVersion
        self.remoteFingerprint = remoteFingerprint
        self.changes = changes
        self.operations = operations
        self.warnings = warnings
        self.drift = drift
        self.connections = []
        self.followUp = []
        self.configRoot = nil
        self.priorState = nil
        self.cost = nil
    }

    /// Whether applying would change anything.
    public var hasChanges: Bool { !changes.isEmpty }

    /// How many changes of each action.
    public func count(_ action: PlannedChange.Action) -> Int {
        changes.lazy.filter { $0.action == action }.count
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", remoteFingerprint = "remote_fingerprint"
        case changes, operations, warnings, drift, connections
        case followUp = "follow_up"
        case configRoot = "config_root", priorState = "prior_state", cost, uncovered
    }

    /// Reads a plan document; one saved before connections and follow-ups were planned has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        remoteFingerprint = try container.decode(String.self, forKey: .remoteFingerprint)
        changes = try container.decode([PlannedChange].self, forKey: .changes)
        operations = try container.decode([Operation].self, forKey: .operations)
        warnings = try container.decode([PlanWarning].self, forKey: .warnings)
        drift = try container.decode([Drift].self, forKey: .drift)
        connections = try container.decodeIfPresent([ConnectionNote].self, forKey: .connections) ?? []
        followUp = try container.decodeIfPresent([FollowUp].self, forKey: .followUp) ?? []
        configRoot = try container.decodeIfPresent(String.self, forKey: .configRoot)
        priorState = try container.decodeIfPresent(RemoteSnapshot.self, forKey: .priorState)
        cost = try container.decodeIfPresent(PlanCost.self, forKey: .cost)
        uncovered = try container.decodeIfPresent([UncoveredRecord].self, forKey: .uncovered) ?? []
    }
}

/// One addressed change to one managed thing.
public struct PlannedChange: Sendable, Hashable, Decodable {
    /// What happens to the thing.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case create, update, replace, delete
    }

    /// The thing that changes.
    public let subject: ChangeSubject
    /// The thing's address, e.g. `exact_online.tenant["exact-nl"].customer_mapping["1001"]`: the subject's, kept.
    public let address: String
    /// What happens.
    public var action: Action
    /// The fields that change, old to new.
    public var fields: [FieldChange]

    /// Creates a change.
    public init(_ subject: ChangeSubject, _ action: Action, fields: [FieldChange]) {
        self.init(subject, action, fields: fields, address: subject.address)
    }

    /// Creates a change whose subject's address the caller has made faster than `subject.address` would.
    init(_ subject: ChangeSubject, _ action: Action, fields: [FieldChange], address: String) {
        assert(address == subject.address, "'\(address)' is not the address of \(subject)")
        self.subject = subject
        self.address = address
        self.action = action
        self.fields = fields
    }

    /// The integration it belongs to; nil for Halo's billing settings, which belong to none.
    public var integration: Integration? { subject.integration }

    enum CodingKeys: String, CodingKey {
        case subject, action, fields
    }

    /// Reads a change; its address and integration are the subject's, whatever the document says.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(ChangeSubject.self, forKey: .subject),
            try container.decode(Action.self, forKey: .action),
            fields: try container.decode([FieldChange].self, forKey: .fields))
    }
}

/// One field's old and new value, as a reviewer reads them.
public struct FieldChange: Sendable, Hashable, Decodable {
    /// The field's YAML path below the thing (`sync.entities`).
    public var name: String
    /// The value now, in YAML terms; nil when it has none.
    public var old: String?
    /// The value after apply; nil when it will have none.
    public var new: String?
    /// Whether the values are secret: shown as `(sensitive)`, never stored.
    public var sensitive: Bool
    /// Whether a change of this field forces a replacement.
    public var forcesReplacement: Bool

    /// Creates a field change.
    public init(_ name: String, old: String?, new: String?, sensitive: Bool = false, forcesReplacement: Bool = false) {
        self.name = name
        self.old = sensitive ? nil : old
        self.new = sensitive ? nil : new
        self.sensitive = sensitive
        self.forcesReplacement = forcesReplacement
    }

    enum CodingKeys: String, CodingKey {
        case name, old, new, sensitive
        case forcesReplacement = "forces_replacement"
    }
}

/// One Halo request: an upsert POST of one record, or a DELETE.
public struct Operation: Sendable, Hashable, Decodable {
    /// What the request does.
    public enum Kind: String, Sendable, Hashable, Codable {
        case upsert, delete
    }

    /// Upsert or delete.
    public var kind: Kind
    /// The collection it goes to.
    public var collection: HaloCollection
    /// The record's id, when it exists already.
    public var recordID: Int?
    /// The POST body's one record, without secrets (they are added at apply time from `secrets`), built from `record`
    /// on each read.
    public var body: JSONObject {
        get { record.json }
        set { record = LinkedRecord(newValue, linkFields: Self.linkFields(collection)) }
    }
    /// The body's record, a tenant's mapping lists kept as links: a plan may rewrite 100,000 of them.
    public private(set) var record: LinkedRecord
    /// Fields whose value is a secret, by Halo field name, to be read from the environment when applying.
    public var secrets: [String: String]
    /// Fields that take the id of a tenant created earlier in the same apply: Halo field name to the tenant's address.
    public var deferredIDs: [String: String]
    /// The address this request creates, so later requests can use the new id.
    public var creates: String?
    /// The addresses of the changes this request carries.
    public var addresses: [String]

    /// Creates an operation; `links` are mapping lists of the body, by field name.
    public init(
        kind: Kind, collection: HaloCollection, recordID: Int?, body: JSONObject = [:],
        links: [String: [ExternalLink]] = [:], secrets: [String: String] = [:], deferredIDs: [String: String] = [:],
        creates: String? = nil, addresses: [String]
    ) {
        self.kind = kind
        self.collection = collection
        self.recordID = recordID
        record = LinkedRecord(body, linkFields: Self.linkFields(collection))
        for (name, list) in links { record.setLinks(list, for: name) }
        self.secrets = secrets
        self.deferredIDs = deferredIDs
        self.creates = creates
        self.addresses = addresses
    }

    /// The fields of a body to `collection` that embed mapping lists: a tenant record's.
    private static func linkFields(_ collection: HaloCollection) -> Set<String> {
        Integration(detailsCollection: collection).map(TenantRecord.linkFields) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case kind, collection, body, secrets, creates, addresses
        case recordID = "record_id", deferredIDs = "deferred_ids"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(Kind.self, forKey: .kind),
            collection: try container.decode(HaloCollection.self, forKey: .collection),
            recordID: try container.decodeIfPresent(Int.self, forKey: .recordID),
            body: try container.decode(JSONObject.self, forKey: .body),
            secrets: try container.decode([String: String].self, forKey: .secrets),
            deferredIDs: try container.decode([String: String].self, forKey: .deferredIDs),
            creates: try container.decodeIfPresent(String.self, forKey: .creates),
            addresses: try container.decode([String].self, forKey: .addresses))
    }
}

/// Something a reviewer should know before applying.
public struct PlanWarning: Sendable, Hashable, Decodable {
    /// What it concerns.
    public var address: String
    /// What to know.
    public var message: String

    /// Creates a warning.
    public init(address: String, message: String) {
        self.address = address
        self.message = message
    }
}

/// A record Halo holds that the config does not, inside a `prune: false` list.
public struct Drift: Sendable, Hashable, Decodable {
    /// The record's address.
    public var address: String
    /// What Halo holds.
    public var description: String

    /// Creates a drift note.
    public init(address: String, description: String) {
        self.address = address
        self.description = description
    }
}
