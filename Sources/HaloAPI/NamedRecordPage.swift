import HaloformCore
import JSONText

/// A page of a list answer read only as far as ids and names, straight from the received bytes: a bare array, or
/// `{record_count, <plural>: [...]}`. The records' other fields are skipped, never built.
struct NamedRecordPage {
    /// The envelope's `record_count`, when there is one.
    private(set) var recordCount: Int?
    /// The page's records.
    private(set) var records: [NamedRecord] = []

    /// Reads a page whose records are under `listKey` (or under any array-valued key when nil, or a bare array).
    init(_ bytes: UnsafeRawBufferPointer, listKey: String?) throws(JSONReader.Failure) {
        var reader = JSONReader(bytes)
        if try reader.peek() == .array {
            try readRecords(&reader)
        } else {
            try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
                let kind = try reader.peek()
                if key == "record_count" {
                    recordCount = try reader.readValue().int
                } else if key == listKey || listKey == nil && kind == .array {
                    try readRecords(&reader)
                } else {
                    try reader.skipValue()
                }
            }
        }
        try reader.finish()
    }

    private mutating func readRecords(_ reader: inout JSONReader) throws(JSONReader.Failure) {
        try reader.readElements { (reader) throws(JSONReader.Failure) in
            var id: Int?
            var name = ""
            try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
                switch key {
                // A numeric string counts too, as `JSONValue.int` reads it.
                case "id": id = try reader.readValue().int
                case "name": name = try reader.readValue().string ?? ""
                default: try reader.skipValue()
                }
            }
            guard let id else { throw reader.failure("a record without an integer id") }
            records.append(NamedRecord(id: id, name: name))
        }
    }
}
