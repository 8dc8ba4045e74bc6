import JSONText

/// One setting haloform manages on a Halo record: its YAML name, its Halo field, and the value the config wants.
struct ManagedField {
    /// How a field's values compare and read.
    enum Kind {
        case text, number, flag, entities
        /// A Halo record id, shown by name.
        case reference(HaloNames)
        /// A secret: never compared (Halo does not return it), never shown.
        case secret
    }

    /// The YAML path below the record (`sync.entities`).
    let label: String
    /// The Halo field (`syncentities`).
    let haloField: String
    /// How to compare and show it.
    let kind: Kind
    /// The value the config wants, as Halo stores it.
    let desired: JSONValue
    /// Whether a change cannot be made in place.
    var forcesReplacement = false
    /// The tenant setting it is, for a tenant record's field.
    var tenantField: TenantField? = nil

    /// Whether plans show a change of it.
    var shown: Bool { tenantField?.isShownInPlans ?? true }

    /// Whether Halo's value already matches.
    func matches(_ remote: JSONValue?) -> Bool {
        let remote = remote ?? .null
        switch kind {
        case .text: return Self.text(remote) == Self.text(desired)
        case .number, .reference: return remote.int == desired.int
        case .flag: return (remote.bool ?? false) == (desired.bool ?? false)
        case .entities: return Set(TenantRecord.entityNames(remote)) == Set(TenantRecord.entityNames(desired))
        case .secret: return true
        }
    }

    /// A value as a reviewer reads it, or nil for none.
    func show(_ value: JSONValue?) -> String? {
        guard let value, !value.isNull else { return nil }
        switch kind {
        case .text: return Self.text(value).map { "\"\($0)\"" }
        case .number: return value.int.map(String.init)
        case .flag: return value.bool.map { $0 ? "true" : "false" }
        case .entities: return "[" + TenantRecord.entityNames(value).joined(separator: ", ") + "]"
        case .reference(let names): return value.int.map { id in names.name(of: id).map { "\"\($0)\"" } ?? "#\(id)" }
        case .secret: return nil
        }
    }

    /// The field change from Halo's value to the config's.
    func change(from remote: JSONValue?) -> FieldChange {
        FieldChange(
            label, old: show(remote), new: show(desired), sensitive: isSecret, forcesReplacement: forcesReplacement)
    }

    /// Whether this field is a secret.
    var isSecret: Bool { if case .secret = kind { true } else { false } }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): s
        case .int(let i): String(i)
        default: nil
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
