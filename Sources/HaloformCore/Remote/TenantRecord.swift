import JSONText

/// A tenant's `*Details` record as Halo sends it, read through typed accessors: with `TenantField`, the one place its
/// fields are named. The embedded mapping lists are kept as typed links, not JSON: a Halo may embed tens of thousands.
public struct TenantRecord: Sendable, Hashable {
    /// The integration whose record it is.
    public let integration: Integration
    /// The record, its mapping lists as links.
    private var record: LinkedRecord

    /// The fields that embed mapping lists on `integration`'s records.
    public static func linkFields(_ integration: Integration) -> Set<String> {
        Set(MappingKind.allCases.compactMap { $0.field.haloField(integration) })
    }

    /// Reads a record as Halo sends it, with `integration`'s field names.
    public init(_ record: JSONObject, of integration: Integration) {
        self.integration = integration
        self.record = LinkedRecord(record, linkFields: Self.linkFields(integration))
    }

    /// Reads a record member by member from `reader`, positioned at the object: its mapping lists never become JSON.
    public init(reading reader: inout JSONReader, of integration: Integration) throws(JSONReader.Failure) {
        self.integration = integration
        record = try LinkedRecord(reading: &reader, linkFields: Self.linkFields(integration))
    }

    /// The record's fields but its mapping lists, by Halo's names.
    public var fields: JSONObject { record.fields }

    /// The whole record as Halo sends it, mapping lists included.
    public var json: JSONObject { record.json }

    /// The same digest as `JSONValue.object(json).stableDigest` with the members named in `leftOut` removed.
    public func stableDigest(leavingOut leftOut: Set<String> = []) -> UInt64 {
        record.stableDigest(leavingOut: leftOut)
    }

    /// A setting's value, nil when absent or when the integration's record has no such field.
    public subscript(field: TenantField) -> JSONValue? {
        field.haloField(integration).flatMap { record[$0] }
    }

    /// Halo's id.
    public var id: Int? { self[.id]?.int }
    /// The tenant's name.
    public var name: String? { self[.name]?.string }
    /// The address a plan gives the tenant, `?` standing in for a record without a name.
    public var key: CatalogKey { CatalogKey(integration, name ?? "?") }
    /// Exact's division.
    public var division: Int? { self[.division]?.int }
    /// Business Central's company id, nil for none or "".
    public var companyID: String? { self[.companyID]?.string.flatMap { $0.isEmpty ? nil : $0 } }
    /// How a Sage tenant authenticates, when the record says.
    public var authentication: SageAuthentication? {
        self[.authentication]?.bool.map(SageAuthentication.init(usesHalosApp:))
    }
    /// The value customers', products' and group accounts' link fields hold for the tenant: Exact's division, Business
    /// Central's company id, Sage's record id.
    public var linkValue: String? {
        switch integration {
        case .exactOnline: division.map(String.init)
        case .businessCentral: companyID
        case .sageBusinessCloud: id.map(String.init)
        }
    }

    /// The entities the record syncs, in Halo's order; names haloform does not know are in `unknownSyncEntities`.
    public var syncEntities: [SyncEntity] {
        Self.entityNames(self[.syncEntities]).compactMap(SyncEntity.init(rawValue:))
    }
    /// The entity names the record holds that are not `SyncEntity` cases.
    public var unknownSyncEntities: [String] {
        Self.entityNames(self[.syncEntities]).filter { SyncEntity(rawValue: $0) == nil }
    }

    /// The mappings of one kind the record embeds.
    public func links(_ kind: MappingKind) -> [ExternalLink] {
        kind.field.haloField(integration).flatMap(record.links) ?? []
    }

    /// How many customer and product-group mappings the record embeds.
    public var mappingCount: Int {
        record.linkCount
    }

    /// The record's connection, judged at `now`.
    public func connection(at now: Timestamp) -> TenantConnection {
        TenantConnection(
            authorized: self[.authorized]?.bool == true,
            tokenExpiry: self[.tokenExpiry]?.string.flatMap(Timestamp.init(iso:)), now: now)
    }

    /// Names from Halo's comma-separated sync entities, trimmed, empty ones dropped.
    static func entityNames(_ value: JSONValue?) -> [String] {
        (value?.string ?? "").split(separator: ",").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
    }
}

extension JSONObject {
    /// A tenant record's field to write, ignored when the integration's record has no such field.
    subscript(field: TenantField, of integration: Integration) -> JSONValue? {
        get { field.haloField(integration).flatMap { self[$0] } }
        set { if let name = field.haloField(integration) { self[name] = newValue } }
    }
}

/// The two kinds of mapping a tenant record embeds.
public enum MappingKind: String, CaseIterable, Sendable, Hashable, Codable {
    case customer, productGroup = "product_group"

    /// The tenant field that embeds them.
    public var field: TenantField {
        switch self {
        case .customer: .customerMappings
        case .productGroup: .productGroupMappings
        }
    }

    /// The mapping's noun in plan addresses (`customer_mapping`).
    public var noun: String { rawValue + "_mapping" }
}

extension RemoteState {
    /// The integration's tenant records.
    public func tenants(_ integration: Integration) -> [TenantRecord] {
        tenantRecords[integration] ?? []
    }

    /// The integration's first tenant record with `name`.
    public func tenant(named name: String, in integration: Integration) -> TenantRecord? {
        tenants(integration).first { $0.name == name }
    }
}

extension RemoteState {
    /// For each Halo customer, the tenants whose records map it, one entry per mapping, over `integrations`.
    public func customerLinks(in integrations: some Sequence<Integration> = Integration.allCases) -> [Int: [CatalogKey]]
    {
        var linked: [Int: [CatalogKey]] = [:]
        for integration in integrations {
            for record in tenants(integration) {
                for link in record.links(.customer) {
                    if let id = link.haloID { linked[id, default: []].append(record.key) }
                }
            }
        }
        return linked
    }
}
