// Sandbox/JSONParser.swift is a second reader on purpose: the emulator must share no wire code with the clients it tests.

/// Reads JSON text (RFC 8259) into `JSONValue` in one pass over the bytes, without Foundation's intermediate trees.
/// An escaped surrogate that is not half of a pair reads as U+FFFD, as invalid UTF-8 does (and as Go's encoding/json
/// reads it): RFC 8259 leaves it to the reader, and a Swift string cannot hold it.
public struct JSONReader {
    /// JSON text that could not be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What was wrong.
        public let message: String
        /// The byte offset where it was found.
        public let offset: Int

        public var description: String { "invalid JSON at byte \(offset): \(message)" }
    }

    /// Reads a whole JSON document.
    public static func read(_ bytes: some Collection<UInt8>) throws(Failure) -> JSONValue {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(Failure) -> JSONValue in
            try read(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Reads a whole JSON document in place, without copying the bytes.
    public static func read(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> JSONValue {
        var reader = JSONReader(bytes: bytes.assumingMemoryBound(to: UInt8.self))
        reader.skipWhitespace()
        let value = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// How deep the piece-by-piece reading is, so that `readValue()` keeps the whole document within the bound.
    private var depth = 0
    /// Nesting deeper than this is refused rather than risking the stack.
    private static let maximumDepth = 512

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: - Piece by piece

    /// A reader at the start of `bytes`, for reading a document piece by piece: only the values asked for become
    /// `JSONValue`s or strings, the rest is skipped without being built. `bytes` must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes.assumingMemoryBound(to: UInt8.self)
        skipWhitespace()
    }

    /// The kind of the next value.
    public enum Kind: Sendable {
        case object, array, string, number, bool, null
    }

    /// The kind of the next value, without reading it.
    public func peek() throws(Failure) -> Kind {
        guard index < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }

    /// Reads the next value, an object, member by member: `member` is given each key and must read or skip the value.
    public mutating func readMembers(_ member: (String, inout JSONReader) throws(Failure) -> Void) throws(Failure) {
        guard try peek() == .object else { throw failure("expected an object") }
        try readItems(closing: UInt8(ascii: "}")) { (reader) throws(Failure) in
            guard reader.byte(is: UInt8(ascii: "\"")) else { throw reader.failure("expected a key") }
            let key = try reader.readString()
            reader.skipWhitespace()
            guard reader.byte(is: UInt8(ascii: ":")) else { throw reader.failure("expected ':'") }
            reader.index += 1
            reader.skipWhitespace()
            try member(key, &reader)
        }
    }

    /// Reads the next value, an array, element by element: `element` must read or skip each one.
    public mutating func readElements(_ element: (inout JSONReader) throws(Failure) -> Void) throws(Failure) {
        guard try peek() == .array else { throw failure("expected an array") }
        try readItems(closing: UInt8(ascii: "]"), element)
    }

    /// Reads a container's items, from its opening bracket to `closing`.
    private mutating func readItems(closing: UInt8, _ item: (inout JSONReader) throws(Failure) -> Void)
        throws(Failure)
    {
        guard depth < Self.maximumDepth else { throw failure("JSON nested too deeply") }
        depth += 1
        index += 1
        skipWhitespace()
        if !byte(is: closing) {
            while true {
                skipWhitespace()
                try item(&self)
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of JSON") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == closing else {
                    throw failure(closing == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'")
                }
                break
            }
        }
        index += 1
        depth -= 1
        skipWhitespace()
    }

    /// Reads the next value whole.
    public mutating func readValue() throws(Failure) -> JSONValue {
        let value = try readValue(depth: depth)
        skipWhitespace()
        return value
    }

    /// Passes over the next value without building it.
    public mutating func skipValue() throws(Failure) {
        switch try peek() {
        case .object: try readMembers { (_, reader) throws(Failure) in try reader.skipValue() }
        case .array: try readElements { (reader) throws(Failure) in try reader.skipValue() }
        case .string: try skipString()
        default: _ = try readValue(depth: depth)
        }
        skipWhitespace()
    }

    /// Checks that nothing but whitespace follows.
    public func finish() throws(Failure) {
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
    }

    /// Passes over a string, escapes included, checking only what decides where it ends.
    private mutating func skipString() throws(Failure) {
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { throw failure("unexpected end of JSON") }
                switch bytes[index + 1] {
                case UInt8(ascii: "u"):
                    guard hex4(at: index + 2) != nil else { throw failure("invalid \\u escape") }
                    index += 6
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                default: throw failure("invalid escape")
                }
            case 0..<0x20: throw failure("control character in string")
            default: index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// A failure at the current position: also for a caller that finds well-formed JSON that is not what it expects.
    public func failure(_ message: String) -> Failure {
        Failure(message: message, offset: index)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func readValue(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("JSON nested too deeply") }
        guard index < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object(try readObject(depth: depth))
        case UInt8(ascii: "["): return .array(try readArray(depth: depth))
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return try readNumber()
        }
    }

    private mutating func expect(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of JSON") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw failure("invalid literal")
        }
        index += count
    }

    private mutating func readObject(depth: Int) throws(Failure) -> JSONObject {
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return object
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipWhitespace()
            object[key] = try readValue(depth: depth + 1)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of JSON") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return object }
            throw failure("expected ',' or '}'")
        }
    }

    private mutating func readArray(depth: Int) throws(Failure) -> [JSONValue] {
        index += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return array
        }
        while true {
            skipWhitespace()
            array.append(try readValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of JSON") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return array }
            throw failure("expected ',' or ']'")
        }
    }

    private mutating func readString() throws(Failure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in string") }
            index += 1
        }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unexpected end of JSON") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): UTF8.encode(try readUnicodeEscape()) { utf8.append($0) }
                default: throw failure("invalid escape")
                }
            default:
                if byte < 0x20 { throw failure("control character in string") }
                utf8.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// Reads the digits of a `\u` escape, and the low half's escape after a high surrogate if one follows.
    private mutating func readUnicodeEscape() throws(Failure) -> Unicode.Scalar {
        guard let code = hex4(at: index) else { throw failure("invalid \\u escape") }
        index += 4
        if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u"), let low = hex4(at: index + 2), (0xDC00..<0xE000).contains(low)
        {
            index += 6
            return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))!
        }
        // A lone surrogate; an escape after it that is not its low half is read on its own.
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    /// The four hex digits at `position`, or nil.
    private func hex4(at position: Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: an `Int` when it has neither fraction nor
    /// exponent and fits, else a `Double`.
    private mutating func readNumber() throws(Failure) -> JSONValue {
        let start = index
        if byte(is: UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw failure(index == start ? "unexpected character" : "invalid number")
        }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
        var isInteger = true
        if byte(is: UInt8(ascii: ".")) {
            index += 1
            isInteger = false
            guard skipDigits() else { throw failure("invalid number") }
        }
        if byte(is: UInt8(ascii: "e")) || byte(is: UInt8(ascii: "E")) {
            index += 1
            isInteger = false
            if byte(is: UInt8(ascii: "+")) || byte(is: UInt8(ascii: "-")) { index += 1 }
            guard skipDigits() else { throw failure("invalid number") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw failure("number out of range: \(text)") }
        return .double(value)
    }

    private func byte(is expected: UInt8) -> Bool {
        index < bytes.count && bytes[index] == expected
    }

    /// Skips decimal digits; whether there was at least one.
    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index > start
    }
}
