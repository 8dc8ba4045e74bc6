import JSONText

/// A tenant's `*Details` record as Halo sends it, read through typed accessors: with `TenantField`, the one place its
/// fields are named.
public struct TenantRecord: Sendable, Hashable {
    /// The integration whose record it is.
    public let integration: Integration
    /// The record's fields, by Halo's names.
    public private(set) var fields: JSONObject

    /// Reads `fields` as a record of `integration`.
    public init(_ fields: JSONObject, of integration: Integration) {
        self.fields = fields
        self.integration = integration
    }

    /// A setting's value, nil when absent or when the integration's record has no such field.
    public subscript(field: TenantField) -> JSONValue? {
        field.haloField(integration).flatMap { fields[$0] }
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
        (self[kind.field]?.array ?? []).compactMap { $0.object.map(ExternalLink.init) }
    }

    /// How many customer and product-group mappings the record embeds.
    public var mappingCount: Int {
        MappingKind.allCases.reduce(0) { $0 + (self[$1.field]?.array?.count ?? 0) }
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
        self[integration.detailsCollection].map { TenantRecord($0, of: integration) }
    }

    /// The integration's first tenant record with `name`.
    public func tenant(named name: String, in integration: Integration) -> TenantRecord? {
        self[integration.detailsCollection].first { $0[.name, of: integration]?.string == name }.map {
            TenantRecord($0, of: integration)
        }
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
