import JSONText

/// A Halo record as JSON but for the mapping lists it embeds, which are kept as typed links: a tenant record, or the
/// body that writes one, may embed tens of thousands, and a dictionary per link would cost ten times the memory.
public struct LinkedRecord: Sendable, Hashable {
    /// The record's members but the embedded lists, by Halo's names.
    public private(set) var fields: JSONObject
    /// The embedded lists, by Halo's field name.
    private var lists: [String: [ExternalLink]] = [:]

    /// Reads a record, taking the arrays under `linkFields` as lists of links (an entry that is no object is dropped).
    public init(_ record: JSONObject = [:], linkFields: Set<String>) {
        fields = record
        for name in linkFields {
            guard let list = record[name]?.array else { continue }
            fields[name] = nil
            lists[name] = list.compactMap { $0.object.map(ExternalLink.init) }
        }
    }

    /// Reads a record member by member from `reader`, positioned at the object: its lists never become JSON.
    public init(reading reader: inout JSONReader, linkFields: Set<String>) throws(JSONReader.Failure) {
        fields = [:]
        try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
            guard linkFields.contains(key), try reader.peek() == .array else {
                fields[key] = try reader.readValue()
                return
            }
            var links: [ExternalLink] = []
            try reader.readElements { (reader) throws(JSONReader.Failure) in
                if try reader.peek() == .object {
                    links.append(try ExternalLink(reading: &reader))
                } else {
                    try reader.skipValue()
                }
            }
            lists[key] = Self.trimmed(links)
        }
    }

    /// The links in an array of their own size: one grown by appending may hold twice the room, kept for the run.
    private static func trimmed(_ links: [ExternalLink]) -> [ExternalLink] {
        guard links.capacity > links.count + links.count / 8 else { return links }
        var exact: [ExternalLink] = []
        exact.reserveCapacity(links.count)
        exact.append(contentsOf: links)
        return exact
    }

    /// A member as JSON, a list of links included.
    public subscript(name: String) -> JSONValue? {
        lists[name].map { .array($0.map(\.json)) } ?? fields[name]
    }

    /// The links under `name`, nil when the record holds no such list.
    public func links(_ name: String) -> [ExternalLink]? {
        lists[name]
    }

    /// Sets the list under `name`.
    public mutating func setLinks(_ links: [ExternalLink], for name: String) {
        fields[name] = nil
        lists[name] = links
    }

    /// How many links the record embeds.
    public var linkCount: Int {
        lists.values.reduce(0) { $0 + $1.count }
    }

    /// The whole record as JSON, built on each read.
    public var json: JSONObject {
        var record = fields
        for (name, links) in lists { record[name] = .array(links.map(\.json)) }
        return record
    }

    /// The same digest as `JSONValue.object(json).stableDigest` with the members named in `leftOut` removed, without
    /// building the JSON.
    public func stableDigest(leavingOut leftOut: Set<String> = []) -> UInt64 {
        var sum = fields.reduce(0) { sum, member in
            leftOut.contains(member.key) ? sum : sum &+ StableDigest.member(member.key, member.value.stableDigest)
        }
        for (name, links) in lists where !leftOut.contains(name) {
            sum &+= StableDigest.member(name, StableDigest.array(links.lazy.map(\.stableDigest)))
        }
        return StableDigest.object(sum)
    }
}
