/// An OData `$filter` expression (the subset Exact and Business Central clients send): `eq ne gt ge lt le`, `and`,
/// `or`, `not`, parentheses, literals `'text'` (with `''`), numbers, `true`/`false`/`null`, `guid'…'`,
/// `datetime'…'`, and the functions `trim`, `tolower`, `toupper`, `substringof`, `startswith`, `endswith`, `contains`.
indirect enum ODataFilter: Sendable {
    case literal(JSON)
    case property(String)
    case call(String, [ODataFilter])
    case comparison(String, ODataFilter, ODataFilter)
    case and(ODataFilter, ODataFilter)
    case or(ODataFilter, ODataFilter)
    case not(ODataFilter)

    /// A filter that could not be parsed or evaluated.
    struct Failure: Error {
        /// What was wrong.
        let message: String
    }

    /// Parses a filter.
    static func parse(_ text: String) throws(Failure) -> ODataFilter {
        var parser = ODataFilterParser(tokens: try ODataFilterParser.tokenize(text))
        let filter = try parser.parseOr()
        guard parser.atEnd else { throw Failure(message: "Syntax error at position \(parser.position) in '\(text)'.") }
        return filter
    }

    /// The properties the filter names.
    var properties: [String] {
        switch self {
        case .literal: return []
        case .property(let name): return [name]
        case .call(_, let arguments): return arguments.flatMap(\.properties)
        case .comparison(_, let left, let right), .and(let left, let right), .or(let left, let right):
            return left.properties + right.properties
        case .not(let inner): return inner.properties
        }
    }

    /// Whether a record matches.
    func matches(_ record: JSONObject) throws(Failure) -> Bool {
        guard case .bool(let result) = try evaluate(record) else {
            throw Failure(message: "The filter does not evaluate to a boolean.")
        }
        return result
    }

    private func evaluate(_ record: JSONObject) throws(Failure) -> JSON {
        switch self {
        case .literal(let value): return value
        case .property(let name): return record[name] ?? .null
        case .and(let left, let right):
            guard try left.matches(record) else { return .bool(false) }
            return .bool(try right.matches(record))
        case .or(let left, let right):
            if try left.matches(record) { return .bool(true) }
            return .bool(try right.matches(record))
        case .not(let inner): return .bool(!(try inner.matches(record)))
        case .comparison(let operation, let left, let right):
            let order = Self.order(try left.evaluate(record), try right.evaluate(record))
            switch operation {
            case "eq": return .bool(order == 0)
            case "ne": return .bool(order != 0)
            case "gt": return .bool(order.map { $0 > 0 } ?? false)
            case "ge": return .bool(order.map { $0 >= 0 } ?? false)
            case "lt": return .bool(order.map { $0 < 0 } ?? false)
            default: return .bool(order.map { $0 <= 0 } ?? false)
            }
        case .call(let name, let arguments):
            let values = try arguments.map { (argument) throws(Failure) -> JSON in try argument.evaluate(record) }
            let texts = values.map { $0.isNull ? "" : $0.text }
            switch (name, texts.count) {
            case ("trim", 1): return .string(texts[0].trimming(" "))
            case ("tolower", 1): return .string(texts[0].lowercased())
            case ("toupper", 1): return .string(texts[0].uppercased())
            case ("substringof", 2): return .bool(texts[1].lowercased().contains(texts[0].lowercased()))
            case ("contains", 2): return .bool(texts[0].lowercased().contains(texts[1].lowercased()))
            case ("startswith", 2): return .bool(texts[0].lowercased().hasPrefix(texts[1].lowercased()))
            case ("endswith", 2): return .bool(texts[0].lowercased().hasSuffix(texts[1].lowercased()))
            default: throw Failure(message: "Unknown function '\(name)' with \(texts.count) arguments.")
            }
        }
    }

    /// Compares two values: numbers numerically, dates by time, text case-insensitively (as SQL Server collates);
    /// nil when they cannot be ordered (null against a value).
    static func order(_ left: JSON, _ right: JSON) -> Int? {
        if left.isNull || right.isNull { return left.isNull && right.isNull ? 0 : nil }
        if let a = left.doubleValue ?? dateValue(left), let b = right.doubleValue ?? dateValue(right) {
            return a < b ? -1 : (a > b ? 1 : 0)
        }
        if case .bool(let a) = left, case .bool(let b) = right { return a == b ? 0 : (a ? 1 : -1) }
        let a = left.text.lowercased()
        let b = right.text.lowercased()
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    /// A `/Date(ms)/` or ISO date string as milliseconds.
    private static func dateValue(_ value: JSON) -> Double? {
        guard let text = value.stringValue else { return nil }
        if text.hasPrefix("/Date("), let close = text.firstIndex(of: ")") {
            let digits = text[text.index(text.startIndex, offsetBy: 6)..<close].prefix { $0 == "-" || $0.isNumber }
            return Double(digits)
        }
        return ISODate.parse(text).map(Double.init)
    }
}

/// Tokens and recursive descent for `ODataFilter`.
private struct ODataFilterParser {
    enum Token: Equatable {
        case word(String), literal(JSON), open, close, comma
    }

    let tokens: [Token]
    var position = 0

    var atEnd: Bool { position >= tokens.count }

    static func tokenize(_ text: String) throws(ODataFilter.Failure) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" {
                index += 1
            } else if character == "(" {
                tokens.append(.open)
                index += 1
            } else if character == ")" {
                tokens.append(.close)
                index += 1
            } else if character == "," {
                tokens.append(.comma)
                index += 1
            } else if character == "'" {
                let (text, next) = try quoted(characters, from: index)
                tokens.append(.literal(.string(text)))
                index = next
            } else if character.isNumber, let (literal, next) = unquotedDate(characters, from: index) {
                // OData v4 (Business Central) writes dates bare: lastModifiedDateTime gt 2024-01-05T00:00:00Z.
                tokens.append(.literal(.string(literal)))
                index = next
            } else if character.isNumber || character == "-" {
                var end = index + 1
                while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                let text = String(characters[index..<end])
                // Exact and OData allow a type suffix (1M, 2L, 1.5D).
                if end < characters.count, "mMlLdDfF".contains(characters[end]) { end += 1 }
                if let integer = Int(text) {
                    tokens.append(.literal(.int(integer)))
                } else if let number = Double(text) {
                    tokens.append(.literal(.double(number)))
                } else {
                    throw ODataFilter.Failure(message: "Invalid number '\(text)'.")
                }
                index = end
            } else if character.isLetter || character == "_" || character == "$" {
                var end = index + 1
                while end < characters.count,
                    characters[end].isLetter || characters[end].isNumber || characters[end] == "_"
                        || characters[end] == "/" || characters[end] == "."
                {
                    end += 1
                }
                let word = String(characters[index..<end])
                if end < characters.count, characters[end] == "'",
                    ["guid", "datetime", "datetimeoffset", "time"].contains(word.lowercased())
                {
                    let (text, next) = try quoted(characters, from: end)
                    tokens.append(.literal(.string(text)))
                    index = next
                } else {
                    switch word {
                    case "true": tokens.append(.literal(.bool(true)))
                    case "false": tokens.append(.literal(.bool(false)))
                    case "null": tokens.append(.literal(.null))
                    default: tokens.append(.word(word))
                    }
                    index = end
                }
            } else {
                throw ODataFilter.Failure(message: "Unexpected character '\(character)' in the filter.")
            }
        }
        return tokens
    }

    /// A bare `YYYY-MM-DD[Thh:mm[:ss[.fff]][Z|±hh:mm]]` literal starting at `start`, and the index after it.
    private static func unquotedDate(_ characters: [Character], from start: Int) -> (String, Int)? {
        guard start + 10 <= characters.count, characters[start + 4] == "-", characters[start + 7] == "-" else {
            return nil
        }
        var end = start
        while end < characters.count, characters[end].isNumber || ":-.TZ+".contains(characters[end]) { end += 1 }
        let text = String(characters[start..<end])
        return ISODate.parse(text) == nil ? nil : (text, end)
    }

    private static func quoted(_ characters: [Character], from start: Int) throws(ODataFilter.Failure) -> (String, Int)
    {
        var index = start + 1
        var text = ""
        while index < characters.count {
            if characters[index] == "'" {
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    text.append("'")
                    index += 2
                    continue
                }
                return (text, index + 1)
            }
            text.append(characters[index])
            index += 1
        }
        throw ODataFilter.Failure(message: "Unterminated string literal in the filter.")
    }

    private func peek() -> Token? { atEnd ? nil : tokens[position] }

    private func peekWord() -> String? {
        if case .word(let word)? = peek() { return word.lowercased() }
        return nil
    }

    mutating func parseOr() throws(ODataFilter.Failure) -> ODataFilter {
        var left = try parseAnd()
        while peekWord() == "or" {
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(ODataFilter.Failure) -> ODataFilter {
        var left = try parseUnary()
        while peekWord() == "and" {
            position += 1
            left = .and(left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(ODataFilter.Failure) -> ODataFilter {
        if peekWord() == "not" {
            position += 1
            return .not(try parseUnary())
        }
        let left = try parseOperand()
        if let word = peekWord(), ["eq", "ne", "gt", "ge", "lt", "le"].contains(word) {
            position += 1
            return .comparison(word, left, try parseOperand())
        }
        return left
    }

    private mutating func parseOperand() throws(ODataFilter.Failure) -> ODataFilter {
        guard let token = peek() else { throw ODataFilter.Failure(message: "The filter ends too early.") }
        position += 1
        switch token {
        case .literal(let value):
            return .literal(value)
        case .open:
            let inner = try parseOr()
            guard peek() == .close else { throw ODataFilter.Failure(message: "A ')' is missing in the filter.") }
            position += 1
            return inner
        case .word(let word):
            guard peek() == .open else { return .property(word) }
            position += 1
            var arguments: [ODataFilter] = []
            if peek() != .close {
                while true {
                    arguments.append(try parseOr())
                    if peek() == .comma {
                        position += 1
                        continue
                    }
                    break
                }
            }
            guard peek() == .close else { throw ODataFilter.Failure(message: "A ')' is missing after \(word)(…).") }
            position += 1
            return .call(word.lowercased(), arguments)
        case .close, .comma:
            throw ODataFilter.Failure(message: "Syntax error at position \(position) in the filter.")
        }
    }
}
