internal import CLibYAML

/// Reads YAML text into a tree of located nodes: the only place that touches libyaml.
public enum YAMLReader {
    /// How many nodes alias expansion may add to one file before it counts as an alias bomb.
    public static let aliasExpansionLimit = 1_000_000

    /// Reads the one document in `bytes`, or nil for an empty file.
    ///
    /// Anchors and aliases are expanded, `<<` merge keys applied, and duplicate keys,
    /// a second document and tabs used as indentation reported at their location.
    public static func read(_ bytes: [UInt8], file: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var input = bytes
        let result: Result<YAMLNode?, YAMLSyntaxError> = input.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(YAMLSyntaxError("cannot initialise the YAML parser", at: SourceRange(file: file, at: .init(line: 1, column: 1))))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = TreeBuilder(file: file, bytes: UnsafeBufferPointer(buffer))
            do {
                return .success(try builder.readStream(&parser))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads the one document in `text`, or nil for an empty file.
    public static func read(_ text: String, file: String) throws(YAMLSyntaxError) -> YAMLNode? {
        try read(Array(text.utf8), file: file)
    }
}

/// Turns libyaml's events into nodes, one event at a time.
private struct TreeBuilder {
    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    var anchors: [String: YAMLNode] = [:]
    var expandedByAliases = 0

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
    }

    /// An owned event, deleted when it goes out of scope.
    final class Event {
        var raw = yaml_event_t()
        deinit { yaml_event_delete(&raw) }
        var type: yaml_event_type_t { raw.type }
    }

    mutating func readStream(_ parser: inout yaml_parser_t) throws(YAMLSyntaxError) -> YAMLNode? {
        var root: YAMLNode?
        var documents = 0
        while true {
            let event = try next(&parser)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLSyntaxError(
                        "a configuration file holds one YAML document; this is a second one",
                        at: range(event.raw.start_mark, event.raw.end_mark),
                        notes: root.map { [.init("the first document starts here", at: $0.range)] } ?? []
                    )
                }
                let node = try readNode(&parser, startingWith: next(&parser))
                root = node.scalar?.isNull == true && node.tag == nil ? nil : node
                _ = try next(&parser)  // DOCUMENT-END
            default:
                continue  // STREAM-START
            }
        }
    }

    mutating func next(_ parser: inout yaml_parser_t) throws(YAMLSyntaxError) -> Event {
        let event = Event()
        guard yaml_parser_parse(&parser, &event.raw) == 1 else { throw syntaxError(parser) }
        return event
    }

    mutating func readNode(_ parser: inout yaml_parser_t, startingWith event: Event) throws(YAMLSyntaxError) -> YAMLNode {
        let start = location(event.raw.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = string(event.raw.data.alias.anchor)
            let here = range(event.raw.start_mark, event.raw.end_mark)
            guard let target = anchors[name] else {
                throw YAMLSyntaxError("unknown alias '*\(name)'; no anchor '&\(name)' comes before it", at: here)
            }
            expandedByAliases += target.nodeCount
            if expandedByAliases > YAMLReader.aliasExpansionLimit {
                throw YAMLSyntaxError(
                    "aliases expand to more than \(YAMLReader.aliasExpansionLimit) nodes; refusing what looks like an alias bomb",
                    at: here,
                    notes: [.init("'&\(name)' is anchored here", at: target.range)]
                )
            }
            return target
        case YAML_SCALAR_EVENT:
            let data = event.raw.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let node = YAMLNode(
                .scalar(YAMLScalar(value, style: Self.style(data.style))),
                range: range(event.raw.start_mark, event.raw.end_mark),
                tag: data.tag.map { String(cString: $0) }
            )
            register(anchor: data.anchor, node)
            return node
        case YAML_SEQUENCE_START_EVENT:
            let data = event.raw.data.sequence_start
            var items: [YAMLNode] = []
            while true {
                let child = try next(&parser)
                if child.type == YAML_SEQUENCE_END_EVENT {
                    let node = YAMLNode(.sequence(items), range: SourceRange(file: file, start: start, end: location(child.raw.end_mark)),
                                        tag: data.tag.map { String(cString: $0) })
                    register(anchor: data.anchor, node)
                    return node
                }
                items.append(try readNode(&parser, startingWith: child))
            }
        case YAML_MAPPING_START_EVENT:
            let data = event.raw.data.mapping_start
            var pairs: [YAMLPair] = []
            var merged: [YAMLPair] = []
            var seen: [String: SourceRange] = [:]
            while true {
                let child = try next(&parser)
                if child.type == YAML_MAPPING_END_EVENT {
                    for pair in merged where pair.key.scalar.map({ seen[$0.value] == nil }) ?? true {
                        if let key = pair.key.scalar?.value { seen[key] = pair.key.range }
                        pairs.append(pair)
                    }
                    let node = YAMLNode(.mapping(pairs), range: SourceRange(file: file, start: start, end: location(child.raw.end_mark)),
                                        tag: data.tag.map { String(cString: $0) })
                    register(anchor: data.anchor, node)
                    return node
                }
                let key = try readNode(&parser, startingWith: child)
                let value = try readNode(&parser, startingWith: next(&parser))
                if let scalar = key.scalar, scalar.style == .plain, scalar.value == "<<" {
                    merged.append(contentsOf: try mergePairs(value))
                    continue
                }
                if let name = key.scalar?.value {
                    if let first = seen[name] {
                        throw YAMLSyntaxError(
                            "duplicate key '\(name)'",
                            at: key.range,
                            notes: [.init("'\(name)' is first set here", at: first)]
                        )
                    }
                    seen[name] = key.range
                }
                pairs.append(YAMLPair(key: key, value: value))
            }
        default:
            throw YAMLSyntaxError("unexpected YAML event", at: range(event.raw.start_mark, event.raw.end_mark))
        }
    }

    /// The pairs a `<<` merge key brings in: from one mapping, or from a sequence of them, earlier ones winning.
    func mergePairs(_ value: YAMLNode) throws(YAMLSyntaxError) -> [YAMLPair] {
        if let pairs = value.mapping { return pairs }
        if let items = value.sequence {
            var result: [YAMLPair] = []
            var names = Set<String>()
            for item in items {
                guard let pairs = item.mapping else {
                    throw YAMLSyntaxError("a '<<' merge takes mappings, found \(item.kindDescription)", at: item.range)
                }
                for pair in pairs where pair.key.scalar.map({ names.insert($0.value).inserted }) ?? true {
                    result.append(pair)
                }
            }
            return result
        }
        throw YAMLSyntaxError("a '<<' merge takes a mapping or a sequence of mappings, found \(value.kindDescription)", at: value.range)
    }

    mutating func register(anchor: UnsafeMutablePointer<yaml_char_t>?, _ node: YAMLNode) {
        guard let anchor else { return }
        anchors[string(anchor)] = node
    }

    func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
        SourceRange(file: file, start: location(start), end: location(end))
    }

    static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// The located error for the parser's current failure.
    func syntaxError(_ parser: yaml_parser_t) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            let at = location(ofByte: Int(parser.problem_offset))
            let message = problem == "invalid leading UTF-8 octet" || problem.contains("UTF-8")
                ? "the file is not valid UTF-8 (\(problem) at byte \(parser.problem_offset))"
                : "\(problem) at byte \(parser.problem_offset)"
            return YAMLSyntaxError(message, at: SourceRange(file: file, at: at))
        }
        let at = range(parser.problem_mark, parser.problem_mark)
        if byte(atMark: parser.problem_mark) == UInt8(ascii: "\t") {
            return YAMLSyntaxError("a tab cannot indent YAML; use spaces", at: at)
        }
        var notes: [YAMLSyntaxError.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            notes.append(.init(context, at: range(parser.context_mark, parser.context_mark)))
        }
        return YAMLSyntaxError(problem, at: at, notes: notes)
    }

    /// The byte that starts the character at a mark, if the mark lies inside the input.
    func byte(atMark mark: yaml_mark_t) -> UInt8? {
        let target = location(mark)
        var current = SourceLocation(line: 1, column: 1)
        for byte in bytes where byte & 0xC0 != 0x80 {
            if current == target { return byte }
            if current.line > target.line { return nil }
            current = Self.advance(current, over: byte)
        }
        return nil
    }

    /// The line and column of a byte offset, for reader errors that only give an offset.
    func location(ofByte offset: Int) -> SourceLocation {
        var current = SourceLocation(line: 1, column: 1)
        for byte in bytes.prefix(offset) where byte & 0xC0 != 0x80 {
            current = Self.advance(current, over: byte)
        }
        return current
    }

    /// The location after the character that starts with `byte`.
    static func advance(_ location: SourceLocation, over byte: UInt8) -> SourceLocation {
        byte == UInt8(ascii: "\n")
            ? SourceLocation(line: location.line + 1, column: 1)
            : SourceLocation(line: location.line, column: location.column + 1)
    }
}
