import HaloformCore
import JSONText

/// A page of a list answer read straight from the received bytes, record by record: a bare array, or
/// `{record_count, <plural>: [...]}`. Only what each record's reader takes is built; the rest is skipped.
struct RecordPage<Record> {
    /// Reads one record, the reader positioned at it.
    typealias RecordReader = (inout JSONReader) throws(JSONReader.Failure) -> Record

    /// The envelope's `record_count`, when there is one.
    private(set) var recordCount: Int?
    /// The page's records.
    private(set) var records: [Record] = []

    /// Reads a page whose records are under `listKey` (or under any array-valued key when nil, or a bare array).
    init(_ bytes: UnsafeRawBufferPointer, listKey: String?, record: RecordReader) throws(JSONReader.Failure) {
        var reader = JSONReader(bytes)
        if try reader.peek() == .array {
            try readRecords(&reader, record)
        } else {
            try reader.readMembers { (key, reader) throws(JSONReader.Failure) in
                let kind = try reader.peek()
                if key == "record_count" {
                    recordCount = try reader.readValue().int
                } else if key == listKey || listKey == nil && kind == .array {
                    try readRecords(&reader, record)
                } else {
                    try reader.skipValue()
                }
            }
        }
        try reader.finish()
    }

    private mutating func readRecords(_ reader: inout JSONReader, _ record: RecordReader) throws(JSONReader.Failure) {
        try reader.readElements { (reader) throws(JSONReader.Failure) in
            records.append(try record(&reader))
        }
    }
}

extension NamedRecord {
    /// Reads a record's id and name, skipping its other fields.
    static func read(_ reader: inout JSONReader) throws(JSONReader.Failure) -> NamedRecord {
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
        return NamedRecord(id: id, name: name)
    }
}
