/// One HTTP request as the emulators see it: everything decoded, nothing left to read.
struct SandboxRequest: Sendable {
    /// The method in upper case.
    var method: String
    /// The path without the query, still percent-encoded.
    var rawPath: String
    /// The path segments, percent-decoded, empty ones dropped.
    var segments: [String]
    /// The raw query string (after `?`), or "".
    var rawQuery: String
    /// The query parameters in order, decoded as a form (`+` is a space).
    var query: [(name: String, value: String)]
    /// Header values by lower-cased name.
    var headers: [String: String]
    /// The body bytes.
    var body: [UInt8]
    /// "http://host:port" as the client addressed the server.
    var origin: String
    /// The system prefix the request arrived under ("/exact-online"), "" for Halo.
    var prefix = ""

    /// The absolute URL of the system's root: origin plus prefix.
    var systemRoot: String { origin + prefix }

    /// Builds a request from its parts.
    init(method: String, target: String, headers: [String: String], body: [UInt8], origin: String) {
        self.method = method.uppercased()
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        rawPath = String(parts.first ?? "/")
        rawQuery = parts.count > 1 ? String(parts[1]) : ""
        segments = rawPath.split(separator: "/").map { FormCoding.percentDecode(String($0), plusIsSpace: false) }
        query = FormCoding.decode(rawQuery)
        self.headers = headers
        self.body = body
        self.origin = origin
    }

    /// The first query parameter with this name, compared case-insensitively as Halo and OData servers do.
    func parameter(_ name: String) -> String? {
        let lowered = name.lowercased()
        return query.first { $0.name.lowercased() == lowered }?.value
    }

    /// A header value by name.
    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The bearer token of the Authorization header, if any.
    var bearerToken: String? {
        guard let value = header("authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = String(parts[1]).trimming(" ")
        return token.isEmpty ? nil : token
    }

    /// The body decoded as an HTML form.
    var form: [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in FormCoding.decode(String(decoding: body, as: UTF8.self)) where fields[name] == nil {
            fields[name] = value
        }
        return fields
    }

    /// The body parsed as JSON, or the parse failure.
    func jsonBody() -> Result<JSON, JSONParser.Failure> {
        Result { () throws(JSONParser.Failure) -> JSON in try JSONParser.parse(body) }
    }
}

/// An answer's body as the emulator gives it.
enum SandboxBody: Sendable {
    /// Bytes as they are.
    case bytes([UInt8])
    /// A JSON value, to be encoded.
    case json(JSON)

    /// The bytes on the wire.
    var encoded: [UInt8] {
        switch self {
        case .bytes(let bytes): bytes
        case .json(let value): JSONWriter.encode(value)
        }
    }
}

/// The answer an emulator gives, before faults and transport.
struct SandboxAnswer: Sendable {
    /// The HTTP status code.
    var status: Int
    /// Response headers in order.
    var headers: [(String, String)]
    /// The body: bytes, or a JSON value encoded on the way out, outside the engine, so that encoding one large
    /// answer does not hold up every other request.
    var body: SandboxBody
    /// Whether the request changed the state, so that it must be saved.
    var changedState = false
    /// Whether to close the connection half way through the body (a fault).
    var dropConnection = false
    /// Added latency in milliseconds (a fault).
    var delayMilliseconds = 0
    /// The system that answered, for the serve meter; nil for the sandbox's own admin paths.
    var system: SandboxSystem?

    /// A JSON answer.
    static func json(_ status: Int, _ value: JSON, headers: [(String, String)] = []) -> SandboxAnswer {
        SandboxAnswer(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: .json(value))
    }

    /// A plain-text answer.
    static func text(_ status: Int, _ text: String, headers: [(String, String)] = []) -> SandboxAnswer {
        SandboxAnswer(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers,
            body: .bytes(Array(text.utf8)))
    }

    /// An answer with no body.
    static func empty(_ status: Int, headers: [(String, String)] = []) -> SandboxAnswer {
        SandboxAnswer(status: status, headers: headers, body: .bytes([]))
    }

    /// A redirect to a URL.
    static func redirect(to location: String) -> SandboxAnswer {
        SandboxAnswer(status: 302, headers: [("Location", location)], body: .bytes([]))
    }

    /// The same answer, marked as having changed the state.
    func changingState() -> SandboxAnswer {
        var copy = self
        copy.changedState = true
        return copy
    }

    /// The same answer with one more header.
    func adding(header name: String, _ value: String) -> SandboxAnswer {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }
}

extension String {
    /// The string without leading and trailing occurrences of the character.
    func trimming(_ character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
