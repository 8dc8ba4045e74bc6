import Crypto
import JSONText

/// What a saved plan keeps of the remote state it was made against, so that a plan refused because Halo changed can
/// say what changed: Halo's records without their write-only secrets, its named lists, and a digest per catalog.
public struct RemoteSnapshot: Sendable, Hashable, Decodable {
    /// Halo's configuration records by collection path (`ExactDetails`), `new_*` secrets left out.
    public var records: [String: [JSONObject]]
    /// The `/Control` singleton.
    public var control: JSONObject
    /// Halo's customers, product groups and top levels by collection path, as id and name.
    public var named: [String: [NamedRecord]]
    /// A SHA-256 of each tenant's accounting catalog, by tenant address (`exact_online.tenant["exact-nl"]`).
    public var catalogs: [String: String]

    /// The snapshot of `remote`.
    public init(_ remote: RemoteState) {
        records = Dictionary(
            uniqueKeysWithValues: remote.collections.map { collection in
                (
                    collection.path,
                    remote[collection].map(Self.withoutSecrets)
                )
            })
        control = Self.withoutSecrets(remote.control)
        named = [
            HaloCollection.client.path: remote.clients, HaloCollection.assetGroup.path: remote.productGroups,
            HaloCollection.topLevel.path: remote.topLevels,
        ]
        catalogs = Dictionary(
            uniqueKeysWithValues: remote.catalogs.map { key, catalog in
                (
                    key.description,
                    SHA256.hash(data: catalog.canonicalBytes).map { byte in
                        let hex = String(byte, radix: 16)
                        return byte < 16 ? "0" + hex : hex
                    }.joined()
                )
            })
    }

    /// A record without Halo's write-only fields (`new_client_secret`), at any depth: a plan file holds no secret.
    static func withoutSecrets(_ record: JSONObject) -> JSONObject {
        // By Halo's naming of write-only fields, not by a list: a secret field haloform does not know yet stays out too.
        record.filter { !$0.key.hasPrefix("new_") }.mapValues(withoutSecrets)
    }

    private static func withoutSecrets(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(withoutSecrets(object))
        case .array(let items): .array(items.map(withoutSecrets))
        default: value
        }
    }
}
