import JSONText

/// An integration's module switch under `/Features`, read through typed accessors.
public struct ModuleRecord: Sendable, Hashable {
    /// The record's fields, by Halo's names.
    public let fields: JSONObject

    /// Halo's id.
    public var id: Int? { fields[ModuleField.id]?.int }
    /// Whether the module is on; Halo's null reads as off.
    public var enabled: Bool { fields[ModuleField.enabled]?.bool ?? false }
    /// Whether the record states the switch at all.
    public var statesEnabled: Bool { fields[ModuleField.enabled]?.bool != nil }
}

extension RemoteState {
    /// The integration's module switch, nil when Halo has none by its name.
    public func module(_ integration: Integration) -> ModuleRecord? {
        self[.features].first { $0[ModuleField.moduleName]?.string == integration.displayName }.map(ModuleRecord.init)
    }
}
