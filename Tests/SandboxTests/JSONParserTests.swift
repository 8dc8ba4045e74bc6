import JSONCases
import JSONText
import Testing

@testable import Sandbox

@Suite("The sandbox's own JSON parser")
struct JSONParserTests {
    @Test("every case of the table JSONText's reader passes too", arguments: try JSONCase.all())
    func sharedTable(_ row: JSONCase) {
        #expect((try? JSONParser.parse(row.input)).map(Self.value)?.canonicalText == row.value)
    }

    /// The parsed document as a `JSONValue`, only to compare it with the table; the sandbox itself never uses one.
    static func value(_ json: JSON) -> JSONValue {
        switch json {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(value))
        case .object(let object):
            .object(.init(object.members.map { ($0.key, value($0.value)) }, uniquingKeysWith: { $1 }))
        }
    }
}
