import JSONText

/// A Halo tax rate (`/Tax`) read through typed accessors, with its links to the accounting systems' tax codes.
public struct TaxRecord: Sendable, Hashable {
    /// The record's fields, by Halo's names.
    public let fields: JSONObject

    /// Halo's id.
    public var id: Int? { fields[TaxField.id]?.int }
    /// The rate's name.
    public var name: String? { fields[TaxField.name]?.string }
    /// Its id and name, when it has both.
    public var named: NamedRecord? { id.flatMap { id in name.map { NamedRecord(id: id, name: $0) } } }

    /// Whether `integration` links Halo's tax rates to its tax codes: Business Central does not, its tax engine decides.
    public static func links(_ integration: Integration) -> Bool { TaxField.link(integration) != nil }

    /// The tenant the rate is linked to in `integration` (Exact's division, Sage's `*Details` id), nil when none or
    /// when the integration links no tax rates.
    public func linkedTenant(_ integration: Integration) -> Int? {
        TaxField.link(integration).flatMap { fields[$0.tenant]?.int }
    }

    /// Whether the record names a tenant of `integration` at all, valid or not.
    public func namesTenant(_ integration: Integration) -> Bool {
        TaxField.link(integration).flatMap { fields[$0.tenant] }.map { !$0.isNull } ?? false
    }

    /// The accounting tax code the rate is linked to in `integration`.
    public func linkedCode(_ integration: Integration) -> String? {
        TaxField.link(integration).flatMap { fields[$0.code]?.object?[KeyPairField.value]?.string }
    }
}

extension RemoteState {
    /// Halo's tax rates.
    public var taxRecords: [TaxRecord] { self[.tax].map(TaxRecord.init) }
}
