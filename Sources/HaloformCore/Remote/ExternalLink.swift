import JSONText

/// One mapping a tenant record embeds (Halo's `ExternalLink_List`): a Halo record linked to an accounting one.
///
/// The fields haloform knows are kept typed and the rest as JSON, so that a link costs a few words rather than a
/// dictionary (a Halo holds tens of thousands). A known field whose value has another JSON type than Halo's (a number
/// in a string) is kept as JSON, so the entry goes back to Halo, and into fingerprints, exactly as it came.
public struct ExternalLink: Sendable, Hashable {
    private var storedID: Int?
    private var storedTableID: Int?
    private var storedHaloID: Int?
    private var storedDetailsID: Int?
    private var storedHaloDescription: String?
    private var storedThirdPartyID: String?
    private var storedThirdPartyDescription: String?
    /// The members not stored typed; the fields haloform does not know travel along untouched.
    private var others: JSONObject = [:]

    /// An entry with no fields.
    public init() {}

    /// Reads an entry from its JSON members.
    public init(_ fields: JSONObject) {
        for (key, value) in fields { set(key, value) }
    }

    /// Reads an entry member by member from `reader`, positioned at the object.
    public init(reading reader: inout JSONReader) throws(JSONReader.Failure) {
        try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
            set(key, try reader.readValue())
        }
    }

    /// Stores a member: typed when it is a known field with Halo's JSON type, else as JSON.
    private mutating func set(_ key: String, _ value: JSONValue) {
        switch (ExternalLinkField(rawValue: key), value) {
        case (.id?, .int(let number)): storedID = number
        case (.tableID?, .int(let number)): storedTableID = number
        case (.haloID?, .int(let number)): storedHaloID = number
        case (.detailsID?, .int(let number)): storedDetailsID = number
        case (.haloDescription?, .string(let text)): storedHaloDescription = text
        case (.thirdPartyID?, .string(let text)): storedThirdPartyID = text
        case (.thirdPartyDescription?, .string(let text)): storedThirdPartyDescription = text
        default: others[key] = value
        }
    }

    /// Calls `body` with each typed member as JSON.
    private func forEachTypedMember(_ body: (ExternalLinkField, JSONValue) -> Void) {
        if let storedID { body(.id, .int(storedID)) }
        if let storedTableID { body(.tableID, .int(storedTableID)) }
        if let storedHaloID { body(.haloID, .int(storedHaloID)) }
        if let storedDetailsID { body(.detailsID, .int(storedDetailsID)) }
        if let storedHaloDescription { body(.haloDescription, .string(storedHaloDescription)) }
        if let storedThirdPartyID { body(.thirdPartyID, .string(storedThirdPartyID)) }
        if let storedThirdPartyDescription { body(.thirdPartyDescription, .string(storedThirdPartyDescription)) }
    }

    /// The entry's own id, nil for a new one.
    public var id: Int? { storedID ?? others[ExternalLinkField.id]?.int }
    /// The linked Halo record's id.
    public var haloID: Int? {
        get { storedHaloID ?? others[ExternalLinkField.haloID]?.int }
        set { replace(.haloID, with: newValue.map(JSONValue.int)) }
    }
    /// The linked Halo record's name as Halo last stored it.
    public var haloDescription: String? {
        get { storedHaloDescription ?? others[ExternalLinkField.haloDescription]?.string }
        set { replace(.haloDescription, with: newValue.map(JSONValue.string)) }
    }
    /// The accounting record's id.
    public var thirdPartyID: String? {
        get { storedThirdPartyID ?? others[ExternalLinkField.thirdPartyID]?.string }
        set { replace(.thirdPartyID, with: newValue.map(JSONValue.string)) }
    }
    /// The accounting record's code as Halo last stored it.
    public var thirdPartyDescription: String? {
        get { storedThirdPartyDescription ?? others[ExternalLinkField.thirdPartyDescription]?.string }
        set { replace(.thirdPartyDescription, with: newValue.map(JSONValue.string)) }
    }
    /// Halo's table of the linked record, set on a new entry only.
    public var tableID: Int? {
        get { storedTableID ?? others[ExternalLinkField.tableID]?.int }
        set { replace(.tableID, with: newValue.map(JSONValue.int)) }
    }

    /// Sets a known field, or removes it for nil.
    private mutating func replace(_ field: ExternalLinkField, with value: JSONValue?) {
        others[field] = nil
        switch field {
        case .id: storedID = nil
        case .tableID: storedTableID = nil
        case .haloID: storedHaloID = nil
        case .detailsID: storedDetailsID = nil
        case .haloDescription: storedHaloDescription = nil
        case .thirdPartyID: storedThirdPartyID = nil
        case .thirdPartyDescription: storedThirdPartyDescription = nil
        }
        if let value { set(field.rawValue, value) }
    }

    /// The entry's members, by Halo's names.
    public var fields: JSONObject {
        var fields = others
        forEachTypedMember { fields[$0.rawValue] = $1 }
        return fields
    }

    /// The entry as a JSON value, for a record's body.
    public var json: JSONValue { .object(fields) }

    /// The same digest as `json.stableDigest`, without building the object.
    public var stableDigest: UInt64 {
        var sum = others.membersDigestSum
        forEachTypedMember { sum &+= StableDigest.member($0.rawValue, $1.stableDigest) }
        return StableDigest.object(sum)
    }
}
