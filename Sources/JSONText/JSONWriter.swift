// Sandbox/JSONWriter.swift is a second writer on purpose: the emulator must share no wire code with the clients it tests.

/// Writes `JSONValue` as JSON text with sorted keys, so equal values give equal text: compact for hashing and
/// request bodies, indented for files people diff.
public enum JSONWriter {
    /// The compact form: keys sorted, no spaces.
    public static func compact(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        writeCompact(value, to: &out)
        return out
    }

    /// The indented form: two spaces a level, `"key": value`, empty arrays and objects as `[]` and `{}`, no final
    /// newline.
    public static func pretty(_ value: JSONValue) -> String {
        var stream = JSONTextStream(capacity: 256)
        stream.value(value)
        return stream.text
    }

    private static func writeCompact(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let v): out.append(contentsOf: (v ? "true" : "false").utf8)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        // JSON has no infinity or NaN.
        case .double(let v): out.append(contentsOf: (v.isFinite ? String(v) : "null").utf8)
        case .string(let v): writeString(v, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            // The members sorted as pairs: no second lookup of each key.
            for (index, member) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `string` as a JSON string literal: quote, backslash and control characters escaped, the rest as UTF-8.
    public static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { text in
            // Runs without a character to escape, nearly every string whole, are copied at once.
            var start = 0
            for index in text.indices
            where text[index] < 0x20 || text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
                escape(text[index], to: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the escape of one byte that a JSON string cannot hold as it is.
    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
        default:
            let hex = String(byte, radix: 16)
            out.append(contentsOf: ("u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
    }
}

extension JSONValue {
    /// Canonical JSON text (`JSONWriter.compact`): equal values give equal text, so it can be hashed.
    public var canonicalText: String {
        String(decoding: JSONWriter.compact(self), as: UTF8.self)
    }

    /// Canonical JSON as UTF-8 bytes.
    public var canonicalBytes: [UInt8] {
        JSONWriter.compact(self)
    }
}
