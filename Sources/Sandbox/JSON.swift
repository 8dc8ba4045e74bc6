/// A JSON value whose objects keep their keys in order, so records round-trip as written.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)

    /// The string, if this is one.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, if this is an integer or a double with an integral value.
    var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9e15: return Int(value)
        default: return nil
        }
    }

    /// The number, if this is one.
    var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The boolean, if this is one.
    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The object, if this is one.
    var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array, if this is one.
    var arrayValue: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Whether this is `null`.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member of an object, or nil.
    subscript(key: String) -> JSON? {
        objectValue?[key]
    }

    /// A loose text form for comparisons and searches: strings as they are, numbers and booleans printed.
    var text: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .array, .object: return String(decoding: JSONWriter.encode(self), as: UTF8.self)
        }
    }
}

/// One member of a JSON object.
struct JSONMember: Sendable, Equatable {
    /// The member's name.
    var key: String
    /// The member's value.
    var value: JSON
}

/// A JSON object with ordered members; lookups are linear, which suits records of a few dozen fields.
struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    /// The members in order.
    var members: [JSONMember]

    /// An empty object.
    init() { members = [] }

    /// An object with these members in order.
    init(_ pairs: [(String, JSON)]) {
        members = pairs.map { JSONMember(key: $0.0, value: $0.1) }
    }

    /// An object literal, members in the order written.
    init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(elements)
    }

    /// An object from an array literal of pairs, members in the order written.
    init(arrayLiteral elements: (String, JSON)...) {
        self.init(elements)
    }

    /// The value of a member; setting nil removes it, setting a new key appends it.
    subscript(key: String) -> JSON? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(JSONMember(key: key, value: newValue))
            }
        }
    }

    /// The member names in order.
    var keys: [String] { members.map(\.key) }

    /// The object with only the members the predicate keeps.
    func filter(_ keep: (String) -> Bool) -> JSONObject {
        var copy = self
        copy.members.removeAll { !keep($0.key) }
        return copy
    }

    /// Sets every member of `other` on this object, in `other`'s order for new keys.
    mutating func merge(_ other: JSONObject) {
        for member in other.members { self[member.key] = member.value }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(nilLiteral: ()) { self = .null }
}

extension JSON {
    /// An optional string as JSON, null when absent.
    static func optional(_ value: String?) -> JSON {
        value.map(JSON.string) ?? .null
    }
}
