internal import CLibYAML

/// Reads YAML text into a tree of located nodes: the only place that touches libyaml.
public enum YAMLReader {
    /// How many nodes alias expansion may add to one file before it counts as an alias bomb.
    public static let aliasExpansionLimit = 1_000_000
    /// How deep collections may nest, aliases expanded, before a file counts as hostile.
    public static let nestingLimit = 256
    /// UTF-8's byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads the one document in `bytes`, or nil for an empty file.
    ///
    /// Anchors and aliases are expanded, `<<` merge keys applied, and duplicate keys,
    /// a second document and tabs used as indentation reported at their location.
    public static func read(_ bytes: [UInt8], file: String) throws(YAMLSyntaxError) -> YAMLNode? {
        let result: Result<YAMLNode?, YAMLSyntaxError> = bytes.withUnsafeBufferPointer { whole in
            // A byte-order mark is left out so that columns on line 1 count as an editor counts them.
            let buffer =
                whole.starts(with: byteOrderMark)
                ? UnsafeBufferPointer(rebasing: whole.dropFirst(byteOrderMark.count)) : whole
            // libyaml wants a non-null input pointer, which an empty buffer need not have.
            guard !buffer.isEmpty else { return .success(nil) }
            do throws(YAMLSyntaxError) {
                var builder = try TreeBuilder(file: file, text: SourceText(bytes: buffer))
                return .success(try builder.readStream())
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

/// One libyaml event, deleted when it goes out of scope.
private struct Event: ~Copyable {
    /// The C event.
    var raw: yaml_event_t

    deinit {
        var raw = raw
        yaml_event_delete(&raw)
    }

    /// The event's kind.
    var type: yaml_event_type_t { raw.type }
}

/// A node with the figures alias expansion checks: how many nodes it holds and how deep its collections nest.
private struct BuiltNode {
    /// The node.
    var node: YAMLNode
    /// The nodes in its subtree, itself included.
    var count: Int
    /// How many collections deep it goes: 0 for a scalar.
    var height: Int
}

/// Turns libyaml's events into nodes, one event at a time.
private struct TreeBuilder: ~Copyable {
    /// The file's name, for every range.
    let file: String
    /// The file's bytes, for errors libyaml locates by offset.
    let text: SourceText
    /// The C parser, at a stable address for the whole read.
    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The anchored nodes so far, by anchor name.
    var anchors: [String: BuiltNode] = [:]
    /// How many nodes aliases have added so far.
    var expandedByAliases = 0

    /// Prepares libyaml to read `text`.
    init(file: String, text: SourceText) throws(YAMLSyntaxError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw YAMLSyntaxError(
                "cannot initialise the YAML parser", at: SourceRange(file: file, at: .init(line: 1, column: 1)))
        }
        yaml_parser_set_input_string(parser, text.bytes.baseAddress, text.bytes.count)
        // A fixed encoding makes libyaml count every byte it reads, as SourceText does; UTF-16 is refused.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        self.file = file
        self.text = text
        self.parser = parser
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Reads the stream's one document, or nil when it holds none or only a null.
    mutating func readStream() throws(YAMLSyntaxError) -> YAMLNode? {
        var root: YAMLNode?
        var firstDocument: SourceRange?
        while true {
            let event = try next()
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                let here = range(event.raw.start_mark, event.raw.end_mark)
                if let firstDocument {
                    throw YAMLSyntaxError(
                        "a configuration file holds one YAML document; this is a second one",
                        at: here,
                        notes: [.init("the first document starts here", at: firstDocument)]
                    )
                }
                firstDocument = here
                let node = try readNode(startingWith: next(), depth: 1).node
                root = node.scalar?.isNull == true && node.tag == nil ? nil : node
            default:
                continue  // STREAM-START, DOCUMENT-END
            }
        }
    }

    /// The next event, or the located error that stops the parse.
    func next() throws(YAMLSyntaxError) -> Event {
        var raw = yaml_event_t()
        guard yaml_parser_parse(parser, &raw) == 1 else { throw syntaxError() }
        return Event(raw: raw)
    }

    /// Reads the node that `event` starts, consuming the events up to its end.
    mutating func readNode(startingWith event: borrowing Event, depth: Int) throws(YAMLSyntaxError) -> BuiltNode {
        switch event.type {
        case YAML_ALIAS_EVENT:
            return try expandAlias(event, depth: depth)
        case YAML_SCALAR_EVENT:
            let data = event.raw.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let node = YAMLNode(
                .scalar(YAMLScalar(value, style: Self.style(data.style))),
                range: range(event.raw.start_mark, event.raw.end_mark),
                tag: data.tag.map { String(cString: $0) }
            )
            return register(BuiltNode(node: node, count: 1, height: 0), anchor: data.anchor)
        case YAML_SEQUENCE_START_EVENT:
            return try readSequence(startingWith: event, depth: depth)
        case YAML_MAPPING_START_EVENT:
            return try readMapping(startingWith: event, depth: depth)
        default:
            throw YAMLSyntaxError("unexpected YAML event", at: range(event.raw.start_mark, event.raw.end_mark))
        }
    }

    /// Reads a sequence's items up to its end event.
    mutating func readSequence(startingWith event: borrowing Event, depth: Int) throws(YAMLSyntaxError) -> BuiltNode {
        try checkNesting(depth, at: event)
        let data = event.raw.data.sequence_start
        // Each collection gathers its own children: appending moves a child in, where gathering on a shared stack
        // and copying out cost a retain and a release of every field of every node.
        var items: [YAMLNode] = []
        var count = 1
        var height = 1
        while true {
            let child = try next()
            if child.type == YAML_SEQUENCE_END_EVENT {
                let end = data.style == YAML_FLOW_SEQUENCE_STYLE ? nil : items.last?.range.end
                let node = YAMLNode(
                    .sequence(items), range: range(from: event, to: child, orEndAt: end),
                    tag: data.tag.map { String(cString: $0) })
                return register(BuiltNode(node: node, count: count, height: height), anchor: data.anchor)
            }
            let item = try readNode(startingWith: child, depth: depth + 1)
            count += item.count
            height = max(height, item.height + 1)
            items.append((consume item).node)
        }
    }

    /// Reads a mapping's pairs up to its end event, applying `<<` merges and refusing duplicate keys.
    mutating func readMapping(startingWith event: borrowing Event, depth: Int) throws(YAMLSyntaxError) -> BuiltNode {
        try checkNesting(depth, at: event)
        let data = event.raw.data.mapping_start
        var index = MappingKeyIndex()
        var pairs: [YAMLPair] = []
        var merged: [YAMLPair] = []
        var count = 1
        var height = 1
        while true {
            let child = try next()
            if child.type == YAML_MAPPING_END_EVENT {
                let end = data.style == YAML_FLOW_MAPPING_STYLE ? nil : pairs.last?.value.range.end
                // Explicit keys win over merged ones, and earlier merges over later ones.
                for pair in merged where pair.key.scalar.map({ index.earlier($0.value, in: pairs) == nil }) ?? true {
                    index.append(pair, to: &pairs)
                }
                let node = YAMLNode(
                    .mapping(pairs), range: range(from: event, to: child, orEndAt: end),
                    tag: data.tag.map { String(cString: $0) })
                return register(BuiltNode(node: node, count: count, height: height), anchor: data.anchor)
            }
            let key = try readNode(startingWith: child, depth: depth + 1)
            let value = try readNode(startingWith: next(), depth: depth + 1)
            count += key.count + value.count
            height = max(height, key.height + 1, value.height + 1)
            if let scalar = key.node.scalar, scalar.style == .plain, scalar.value == "<<", key.node.tag == nil {
                merged.append(contentsOf: try mergePairs(value.node))
                continue
            }
            if let name = key.node.scalar?.value, let first = index.earlier(name, in: pairs) {
                throw YAMLSyntaxError(
                    "duplicate key '\(name)'",
                    at: key.node.range,
                    notes: [.init("'\(name)' is first set here", at: first.key.range)]
                )
            }
            index.append(YAMLPair(key: (consume key).node, value: (consume value).node), to: &pairs)
        }
    }

    /// The anchored node an alias names, counted against the expansion and nesting limits.
    mutating func expandAlias(_ event: borrowing Event, depth: Int) throws(YAMLSyntaxError) -> BuiltNode {
        let name = String(cString: event.raw.data.alias.anchor)
        let here = range(event.raw.start_mark, event.raw.end_mark)
        guard let target = anchors[name] else {
            throw YAMLSyntaxError("unknown alias '*\(name)'; no anchor '&\(name)' comes before it", at: here)
        }
        let note = YAMLSyntaxError.Note("'&\(name)' is anchored here", at: target.node.range)
        expandedByAliases += target.count
        if expandedByAliases > YAMLReader.aliasExpansionLimit {
            throw YAMLSyntaxError(
                "aliases expand to more than \(YAMLReader.aliasExpansionLimit) nodes; refusing what looks like an alias bomb",
                at: here,
                notes: [note]
            )
        }
        if depth + target.height - 1 > YAMLReader.nestingLimit {
            throw YAMLSyntaxError(Self.nestingMessage, at: here, notes: [note])
        }
        return target
    }

    /// Throws when a collection starting at `depth` nests too deep, before the recursion can exhaust the stack.
    func checkNesting(_ depth: Int, at event: borrowing Event) throws(YAMLSyntaxError) {
        guard depth > YAMLReader.nestingLimit else { return }
        throw YAMLSyntaxError(Self.nestingMessage, at: range(event.raw.start_mark, event.raw.end_mark))
    }

    /// The error message for nesting past `YAMLReader.nestingLimit`.
    static let nestingMessage = "collections nest deeper than \(YAMLReader.nestingLimit) levels"

    /// The pairs a `<<` merge key brings in: from one mapping, or from a sequence of them in order.
    func mergePairs(_ value: YAMLNode) throws(YAMLSyntaxError) -> [YAMLPair] {
        if let pairs = value.mapping { return pairs }
        if let items = value.sequence {
            var result: [YAMLPair] = []
            for item in items {
                guard let pairs = item.mapping else {
                    throw YAMLSyntaxError("a '<<' merge takes mappings, found \(item.kindDescription)", at: item.range)
                }
                result.append(contentsOf: pairs)
            }
            return result
        }
        throw YAMLSyntaxError(
            "a '<<' merge takes a mapping or a sequence of mappings, found \(value.kindDescription)", at: value.range)
    }

    /// Remembers `built` under its anchor, if it has one, and returns it.
    mutating func register(_ built: consuming BuiltNode, anchor: UnsafeMutablePointer<yaml_char_t>?) -> BuiltNode {
        if let anchor { anchors[String(cString: anchor)] = built }
        return built
    }

    /// The 1-based location of a 0-based libyaml mark.
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// The range between two libyaml marks.
    func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
        SourceRange(file: file, start: location(start), end: location(end))
    }

    /// A collection's range: to its closing event, or to `end` (its last item's end in block style,
    /// since libyaml ends a block collection where the next one starts, past blank lines and comments).
    func range(from start: borrowing Event, to close: borrowing Event, orEndAt end: SourceLocation?) -> SourceRange {
        SourceRange(file: file, start: location(start.raw.start_mark), end: end ?? location(close.raw.end_mark))
    }

    /// Our style for libyaml's.
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
    func syntaxError() -> YAMLSyntaxError {
        let failed = parser.pointee
        let problem = failed.problem.map { String(cString: $0) }
        switch failed.error {
        case YAML_READER_ERROR:
            let at = SourceRange(file: file, at: text.location(ofByte: failed.problem_offset))
            return YAMLSyntaxError(
                Self.readerMessage(problem ?? "unreadable input", value: failed.problem_value), at: at)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let at = range(failed.problem_mark, failed.problem_mark)
            let character = text.scalar(atCharacter: Int(failed.problem_mark.index))
            if character == "\t" {
                // libyaml words this several ways ("cannot start any token", "violates indentation").
                return YAMLSyntaxError("a tab cannot indent YAML; use spaces", at: at)
            }
            var notes: [YAMLSyntaxError.Note] = []
            if let context = failed.context.map({ String(cString: $0) }) {
                let contextRange = range(failed.context_mark, failed.context_mark)
                // A note on the error's own spot ("while scanning for the next token") adds nothing.
                if contextRange != at { notes.append(.init(context, at: contextRange)) }
            }
            return YAMLSyntaxError(
                Self.clarified(problem ?? "invalid YAML", character: character), at: at, notes: notes)
        default:
            let start = SourceRange(file: file, at: SourceLocation(line: 1, column: 1))
            return YAMLSyntaxError("libyaml failed: \(problem ?? "out of memory")", at: start)
        }
    }

    /// libyaml's message with the offending character named, where libyaml leaves it out or speaks in grammar terms.
    static func clarified(_ problem: String, character: Unicode.Scalar?) -> String {
        switch problem {
        case "found character that cannot start any token":
            guard let character else { return problem }
            return "found character '\(character.escaped(asASCII: false))' that cannot start any token"
        case "did not find expected <document start>":
            return "found more content after the end of the document"
        default:
            return problem
        }
    }

    /// The message for a reader error: invalid UTF-8, or a control character.
    static func readerMessage(_ problem: String, value: Int32) -> String {
        if problem == "control characters are not allowed" {
            return "control character \(Self.codePoint(value)) is not allowed"
        }
        if problem.contains("UTF-8") || problem == "invalid Unicode character" {
            let octet = problem.hasSuffix("octet") && value >= 0 ? " 0x\(Self.hex(value, digits: 2))" : ""
            return "the file is not valid UTF-8: \(problem)\(octet)"
        }
        return problem
    }

    /// `U+0007` for 7.
    static func codePoint(_ value: Int32) -> String {
        "U+\(hex(value, digits: 4))"
    }

    /// `value` in uppercase hexadecimal, zero-padded to `digits`.
    static func hex(_ value: Int32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
