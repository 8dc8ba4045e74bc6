import JSONCases
import JSONText
import Testing

@Suite("JSONReader piece by piece: members, elements and skipped values")
struct JSONPieceReadingTests {
    /// The document rebuilt through `readMembers`, `readElements` and `readValue` alone.
    private static func walk(_ reader: inout JSONReader) throws(JSONReader.Failure) -> JSONValue {
        switch try reader.peek() {
        case .object:
            var object: JSONObject = [:]
            try reader.readMembers { (key, reader) throws(JSONReader.Failure) in object[key] = try walk(&reader) }
            return .object(object)
        case .array:
            var array: [JSONValue] = []
            try reader.readElements { (reader) throws(JSONReader.Failure) in array.append(try walk(&reader)) }
            return .array(array)
        default:
            return try reader.readValue()
        }
    }

    private static func walked(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer)
            guard let value = try? walk(&reader), (try? reader.finish()) != nil else { return nil }
            return value.canonicalText
        }
    }

    private static func skips(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer)
            return (try? reader.skipValue()) != nil && (try? reader.finish()) != nil
        }
    }

    @Test("read piece by piece, every case of the shared table reads as it does whole", arguments: try JSONCase.all())
    func sharedTable(_ row: JSONCase) {
        #expect(Self.walked(row.input) == row.value)
    }

    @Test(
        "skipping takes every document the table accepts and refuses every one it refuses",
        arguments: try JSONCase.all())
    func skipping(_ row: JSONCase) {
        #expect(Self.skips(row.input) == (row.value != nil))
    }

    @Test("a member's value may be skipped while its neighbours are read")
    func skipBetween() throws {
        let text = Array(#"{"a": {"deep": [1, "x\"y", {"z": null}]}, "id": 7, "name": "Acme \u00e9"}"#.utf8)
        let (id, name) = try text.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer)
            var id: Int?
            var name: String?
            try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
                switch key {
                case "id": id = try reader.readValue().int
                case "name": name = try reader.readValue().string
                default: try reader.skipValue()
                }
            }
            try reader.finish()
            return (id, name)
        }
        #expect(id == 7)
        #expect(name == "Acme é")
    }
}
