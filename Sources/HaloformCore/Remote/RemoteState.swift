import Crypto
import JSONText

/// What Halo and the accounting systems hold now, as far as a config refers to it: one immutable snapshot.
///
/// Halo's configuration records are kept as Halo sends them (JSON objects with Halo's field names), so a plan's POST
/// can send back what haloform does not manage; planner, doctor and import read them through the typed views
/// (`TenantRecord`, `ExternalLink`, `ControlRecord`, `ModuleRecord`, `TaxRecord`, `ProductGroupRecord`), which with
/// the field enums are the one place Halo's field names are written. Large lists keep only what references need, and
/// the tenants' records, which embed every mapping, are kept as `TenantRecord`s.
public struct RemoteState: Sendable, Hashable {
    /// Records of Halo's configuration collections but the tenants' (`Tax`, `Features`, …) as fetched, by collection.
    public private(set) var records: [HaloCollection: [JSONObject]] = [:]
    /// The tenants' records (`ExactDetails`, …), by integration.
    public var tenantRecords: [Integration: [TenantRecord]] = [:]
    /// The `/Control` singleton.
    public var control: JSONObject
    /// Halo's customers (`/Client`), by id and name only.
    public var clients: [NamedRecord]
    /// Halo's product groups (`/AssetGroup`).
    public var productGroups: [NamedRecord]
    /// Halo's top levels (`/TopLevel`).
    public var topLevels: [NamedRecord]
    /// The accounting catalogs, one per declared tenant.
    public var catalogs: [CatalogKey: Catalog]

    /// Creates a snapshot; the tenants' collections among `records` go to `tenantRecords`.
    public init(
        records: [HaloCollection: [JSONObject]] = [:],
        control: JSONObject = [:],
        clients: [NamedRecord] = [],
        productGroups: [NamedRecord] = [],
        topLevels: [NamedRecord] = [],
        catalogs: [CatalogKey: Catalog] = [:]
    ) {
        self.control = control
        self.clients = clients
        self.productGroups = productGroups
        self.topLevels = topLevels
        self.catalogs = catalogs
        for (collection, list) in records { self[collection] = list }
    }

    /// The records of one collection as Halo sends them, empty when it was not fetched. A tenants' collection is
    /// built from (and set into) `tenantRecords`, every mapping included: a view for small states, as tests use.
    public subscript(collection: HaloCollection) -> [JSONObject] {
        get {
            guard let integration = Integration(detailsCollection: collection) else { return records[collection] ?? [] }
            return tenants(integration).map(\.json)
        }
        set {
            guard let integration = Integration(detailsCollection: collection) else {
                records[collection] = newValue
                return
            }
            tenantRecords[integration] = newValue.map { TenantRecord($0, of: integration) }
        }
    }

    /// The collections fetched, the tenants' among them.
    public var collections: [HaloCollection] {
        Array(records.keys) + tenantRecords.keys.map(\.detailsCollection)
    }

    /// A 64-bit value's bytes, least significant first.
    private static func bytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// A stable hash of the normalised content: equal snapshots give equal fingerprints, whatever the fetch order.
    public var fingerprint: String {
        var hasher = SHA256()
        // Small parts gather in a buffer that goes to the hasher whole: 100,000 names are not 100,000 updates.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        func add(_ bytes: some Collection<UInt8>) {
            buffer.append(contentsOf: bytes)
            buffer.append(0)
            if buffer.count >= 1 << 16 {
                hasher.update(data: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        func add(_ text: String) { add(text.utf8) }
        // A tenant's connection state is Halo's and a person's, never the plan's: Halo renews tokens on its own, and a
        // saved plan must not be refused for it.
        let connectionFields = Set(
            Integration.allCases.flatMap { integration in
                [TenantField.authorized, .tokenExpiry].compactMap { $0.haloField(integration) }
            })
        for collection in collections.sorted(by: { $0.rawValue < $1.rawValue }) {
            add(collection.rawValue)
            // Records by their stable digests, sorted: no record is written out as text.
            let digests =
                if let integration = Integration(detailsCollection: collection) {
                    tenants(integration).map { $0.stableDigest(leavingOut: connectionFields) }
                } else {
                    records[collection]!.map { JSONValue.object($0).stableDigest }
                }
            for digest in digests.sorted() { add(Self.bytes(digest)) }
        }
        add(Self.bytes(JSONValue.object(control).stableDigest))
        for (label, list) in [("clients", clients), ("groups", productGroups), ("toplevels", topLevels)] {
            add(label)
            for record in list.sorted(by: { $0.id < $1.id }) {
                add(String(record.id).utf8)
                add(record.name)
            }
        }
        for key in catalogs.keys.sorted() {
            add(key.description)
            add(catalogs[key]!.canonicalBytes)
        }
        hasher.update(data: buffer)
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// A Halo record reduced to what a reference needs: its id and name.
public struct NamedRecord: Sendable, Hashable, Codable {
    /// Halo's integer id.
    public var id: Int
    /// The name people write in YAML.
    public var name: String

    /// Creates a record.
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}
