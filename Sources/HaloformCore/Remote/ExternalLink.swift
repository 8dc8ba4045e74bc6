import JSONText

/// One mapping a tenant record embeds (Halo's `ExternalLink_List`): a Halo record linked to an accounting one.
public struct ExternalLink: Sendable, Hashable {
    /// The entry's fields, by Halo's names; the fields haloform does not know travel along untouched.
    public private(set) var fields: JSONObject

    /// Reads an entry.
    public init(_ fields: JSONObject = [:]) {
        self.fields = fields
    }

    /// The entry's own id, nil for a new one.
    public var id: Int? { fields[ExternalLinkField.id]?.int }
    /// The linked Halo record's id.
    public var haloID: Int? {
        get { fields[ExternalLinkField.haloID]?.int }
        set { fields[ExternalLinkField.haloID] = newValue.map(JSONValue.int) }
    }
    /// The linked Halo record's name as Halo last stored it.
    public var haloDescription: String? {
        get { fields[ExternalLinkField.haloDescription]?.string }
        set { fields[ExternalLinkField.haloDescription] = newValue.map(JSONValue.string) }
    }
    /// The accounting record's id.
    public var thirdPartyID: String? {
        get { fields[ExternalLinkField.thirdPartyID]?.string }
        set { fields[ExternalLinkField.thirdPartyID] = newValue.map(JSONValue.string) }
    }
    /// The accounting record's code as Halo last stored it.
    public var thirdPartyDescription: String? {
        get { fields[ExternalLinkField.thirdPartyDescription]?.string }
        set { fields[ExternalLinkField.thirdPartyDescription] = newValue.map(JSONValue.string) }
    }
    /// Halo's table of the linked record, set on a new entry only.
    public var tableID: Int? {
        get { fields[ExternalLinkField.tableID]?.int }
        set { fields[ExternalLinkField.tableID] = newValue.map(JSONValue.int) }
    }

    /// The entry as a JSON value, for a record's body.
    public var json: JSONValue { .object(fields) }
}
