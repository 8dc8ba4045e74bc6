import JSONText

/// The `/Control` singleton read through typed accessors. Halo leaves an unset default as 0 or "", read here as none.
public struct ControlRecord: Sendable, Hashable {
    /// The record's fields, by Halo's names.
    public let fields: JSONObject

    /// Halo's id of the singleton, as Halo sends it.
    public var id: JSONValue? { fields[ControlField.id] }
    /// Exact's default division.
    public var exactDefaultDivision: Int? { number(.exactDefaultDivision) }
    /// The code of the status Exact gives new invoices.
    public var exactDefaultInvoiceStatus: Int? { number(.exactDefaultInvoiceStatus) }
    /// Business Central's default company id.
    public var businessCentralDefaultCompany: String? { text(.businessCentralDefaultCompany) }
    /// The tenant name Halo keeps beside Business Central's default company.
    public var businessCentralDefaultTenantName: String? { text(.businessCentralDefaultTenantName) }
    /// Sage's default tenant (a `*Details` id).
    public var sageDefaultTenant: Int? { number(.sageDefaultTenant) }
    /// The items' global default tax rate (a `/Tax` id).
    public var defaultItemTax: Int? { number(.defaultItemTax) }

    /// A switch, Halo's null reading as off.
    public func flag(_ field: ControlField) -> Bool { fields[field]?.bool ?? false }
    /// A switch as Halo states it, nil when it does not.
    public func statedFlag(_ field: ControlField) -> Bool? { fields[field]?.bool }

    private func number(_ field: ControlField) -> Int? { fields[field]?.int.flatMap { $0 == 0 ? nil : $0 } }
    private func text(_ field: ControlField) -> String? { fields[field]?.string.flatMap { $0.isEmpty ? nil : $0 } }
}

extension RemoteState {
    /// The `/Control` singleton's typed view.
    public var controlRecord: ControlRecord { ControlRecord(fields: control) }
}
