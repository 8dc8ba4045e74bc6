/// Indented JSON text written straight to bytes, two spaces a level, empty arrays and objects as `[]` and `{}`: no tree of
/// values need be built, so a plan of 100,000 changes renders in a fraction of a second.
///
/// Callers write each object's keys in sorted order; debug builds check that they do.
public struct JSONTextStream {
    /// The text so far, UTF-8, or since the last chunk given to the sink.
    private(set) var bytes: [UInt8] = []
    /// Where full chunks go, if anywhere: the text of a large plan need not be held whole.
    private let sink: (([UInt8]) -> Void)?
    /// The size at which a chunk goes to the sink.
    private let chunkSize: Int
    /// What goes between a key and its value: `": "`, or `" : "` as Foundation's encoder prints.
    private let keySeparator: String
    private var depth = 0
    /// Whether the container being written has no element yet.
    private var empty = true
    #if DEBUG
        /// The last key written at each open object, to check the order.
        private var lastKeys: [String] = []
    #endif

    /// Prepares a stream that keeps its text, with room for about `capacity` bytes.
    public init(capacity: Int = 4_096, keySeparator: String = ": ") {
        self.keySeparator = keySeparator
        sink = nil
        chunkSize = .max
        bytes.reserveCapacity(capacity)
    }

    /// Prepares a stream that gives its text to `sink` in chunks of about `chunkSize` bytes; `finish()` gives the rest.
    public init(chunkSize: Int = 1 << 16, keySeparator: String = ": ", sink: @escaping ([UInt8]) -> Void) {
        self.keySeparator = keySeparator
        self.sink = sink
        self.chunkSize = chunkSize
        bytes.reserveCapacity(chunkSize + 4_096)
    }

    /// The text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes a line break and gives the sink what is left.
    public mutating func finish() {
        bytes.append(UInt8(ascii: "\n"))
        sink?(bytes)
        if sink != nil { bytes.removeAll(keepingCapacity: true) }
    }

    /// Writes an object whose members `body` writes with `key(_:)` and a value each.
    public mutating func object(_ body: (inout JSONTextStream) -> Void) {
        #if DEBUG
            lastKeys.append("")
            defer { lastKeys.removeLast() }
        #endif
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { body(&$0) }
    }

    /// Writes an array of `items`, each by `element`.
    public mutating func array<Items: Sequence>(
        _ items: Items, _ element: (inout JSONTextStream, Items.Element) -> Void
    ) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { stream in
            for item in items {
                stream.nextElement()
                element(&stream, item)
            }
        }
    }

    /// Starts an object member; its value follows.
    public mutating func key(_ name: String) {
        #if DEBUG
            assert(lastKeys.last! < name, "JSON keys out of order: '\(lastKeys.last!)' before '\(name)'")
            lastKeys[lastKeys.count - 1] = name
        #endif
        nextElement()
        JSONWriter.writeString(name, to: &bytes)
        bytes.append(contentsOf: keySeparator.utf8)
    }

    /// Writes a member whose value is written only when present, as encoders leave out nil.
    public mutating func key<Value>(
        _ name: String, ifPresent value: Value?, _ write: (inout JSONTextStream, Value) -> Void
    ) {
        guard let value else { return }
        key(name)
        write(&self, value)
    }

    /// Writes a string.
    public mutating func string(_ value: String) { JSONWriter.writeString(value, to: &bytes) }
    /// Writes an integer.
    public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    /// Writes a boolean.
    public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    /// Writes a JSON value, objects' keys sorted.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): bytes.append(contentsOf: (number.isFinite ? String(number) : "null").utf8)
        case .string(let text): string(text)
        case .array(let items): array(items) { $0.value($1) }
        case .object(let object): self.object(object)
        }
    }

    /// Writes a JSON object, keys sorted.
    public mutating func object(_ object: JSONObject) {
        self.object { stream in
            for member in object.sorted(by: { $0.key < $1.key }) {
                stream.key(member.key)
                stream.value(member.value)
            }
        }
    }

    /// Writes an object of strings, keys sorted.
    public mutating func object(_ object: [String: String]) {
        self.object { stream in
            for name in object.keys.sorted() {
                stream.key(name)
                stream.string(object[name]!)
            }
        }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONTextStream) -> Void) {
        let outerEmpty = empty
        bytes.append(open)
        depth += 1
        empty = true
        body(&self)
        depth -= 1
        if !empty { newline() }
        bytes.append(close)
        empty = outerEmpty
    }

    /// Ends the previous element, if any, and starts a line for the next; a full chunk goes to the sink first.
    private mutating func nextElement() {
        if bytes.count >= chunkSize, let sink {
            sink(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}
