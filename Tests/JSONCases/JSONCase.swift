import Foundation

/// One row of `Tests/Fixtures/json-cases.json`: JSON input and what every JSON reader in the project must make of it.
public struct JSONCase: Sendable, CustomStringConvertible {
    /// What the row shows.
    public let name: String
    /// The bytes to read.
    public let input: [UInt8]
    /// The canonical text (`JSONWriter.compact`) of what the input reads as; nil when it must be refused.
    public let value: String?

    public var description: String { name }

    /// Every row of the table, in order; read with Foundation, so neither reader under test reads its own table.
    public static func all() throws -> [JSONCase] {
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode(Table.self, from: data).cases.map { try JSONCase($0) }
    }

    /// The table's file.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/json-cases.json")

    private init(_ row: Row) throws {
        name = row.name
        if let text = row.input {
            input = Array(text.utf8)
        } else if let bytes = row.bytes {
            input = bytes
        } else if let depth = row.nestedArrays {
            input = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        } else {
            throw Malformed(name: row.name, problem: "no input, bytes or nestedArrays")
        }
        switch (row.value, row.echoes ?? false, row.error ?? false) {
        case (let value?, false, false): self.value = value
        case (nil, true, false): value = String(decoding: input, as: UTF8.self)
        case (nil, false, true): value = nil
        default: throw Malformed(name: row.name, problem: "not exactly one of value, echoes and error")
        }
    }

    /// The file as written.
    private struct Table: Decodable {
        let cases: [Row]
    }

    /// A row as written.
    private struct Row: Decodable {
        let name: String
        let input: String?
        let bytes: [UInt8]?
        let nestedArrays: Int?
        let value: String?
        let echoes: Bool?
        let error: Bool?
    }

    /// A row the loader cannot make sense of.
    struct Malformed: Error, CustomStringConvertible {
        /// The row's name.
        let name: String
        /// What is wrong with it.
        let problem: String

        var description: String { "json-cases.json, '\(name)': \(problem)" }
    }
}
