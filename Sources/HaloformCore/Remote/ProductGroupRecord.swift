import JSONText

/// A Halo product group (`/AssetGroup`) read through typed accessors, with each accounting tenant's accounts on it.
public struct ProductGroupRecord: Sendable, Hashable {
    /// The record's fields, by Halo's names.
    public let fields: JSONObject

    /// Halo's id.
    public var id: Int? { fields[ProductGroupField.id]?.int }
    /// The group's name.
    public var name: String? { fields[ProductGroupField.name]?.string }
    /// The group's sales tax rate (a `/Tax` id), nil for none or 0.
    public var taxID: Int? { fields[ProductGroupField.taxID]?.int.flatMap { $0 == 0 ? nil : $0 } }
    /// The accounts entries, one per accounting tenant, as Halo sends them: a POST sends the whole list back.
    public var accountsEntries: [JSONValue] { fields[ProductGroupField.accountsMappings]?.array ?? [] }

    /// The entry for the tenant whose link value is `tenantID`.
    public func entry(forTenant tenantID: String) -> JSONObject? {
        let entries = accountsEntries
        return Self.entryIndex(in: entries, tenant: tenantID).flatMap { entries[$0].object }
    }

    /// The index in `entries` of the entry for the tenant whose link value is `tenantID`.
    public static func entryIndex(in entries: [JSONValue], tenant tenantID: String) -> Int? {
        entries.firstIndex { $0.object?[GroupAccountsField.tenantID]?.string == tenantID }
    }
}

extension RemoteState {
    /// Halo's product groups as records, with their accounts.
    public var productGroupRecords: [ProductGroupRecord] { self[.assetGroup].map(ProductGroupRecord.init) }
}
