import NIOHTTP1

/// One HTTP request to a service, before retries: method, absolute URL, headers and body.
public struct ServiceRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL.
    public var url: String
    /// Headers to send (the bearer token is added by `AuthorizedService`).
    public var headers: HTTPHeaders
    /// The body, if any.
    public var body: [UInt8]?
    /// Whether sending it twice does no more than sending it once; only such requests are repeated after the
    /// connection broke once the request may have reached the server.
    public var isIdempotent: Bool

    /// A request; idempotency follows the method unless given.
    public init(
        _ method: HTTPMethod, _ url: String, headers: HTTPHeaders = [:], body: [UInt8]? = nil,
        isIdempotent: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        switch method {
        case .GET, .HEAD, .PUT, .DELETE, .OPTIONS: self.isIdempotent = isIdempotent ?? true
        default: self.isIdempotent = isIdempotent ?? false
        }
    }

    /// A GET asking for JSON.
    public static func get(_ url: String, headers: HTTPHeaders = [:]) -> ServiceRequest {
        var all = headers
        if !all.contains(name: "Accept") { all.add(name: "Accept", value: "application/json") }
        return ServiceRequest(.GET, url, headers: all)
    }

    /// A POST of a JSON body.
    public static func postJSON(_ url: String, _ json: String, headers: HTTPHeaders = [:]) -> ServiceRequest {
        var all = headers
        all.replaceOrAdd(name: "Content-Type", value: "application/json")
        if !all.contains(name: "Accept") { all.add(name: "Accept", value: "application/json") }
        return ServiceRequest(.POST, url, headers: all, body: Array(json.utf8))
    }

    /// A POST of an `application/x-www-form-urlencoded` body (token requests).
    public static func postForm(_ url: String, _ fields: [(String, String)], headers: HTTPHeaders = [:])
        -> ServiceRequest
    {
        var all = headers
        all.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded")
        if !all.contains(name: "Accept") { all.add(name: "Accept", value: "application/json") }
        return ServiceRequest(.POST, url, headers: all, body: Array(FormEncoding.encode(fields).utf8))
    }

    /// "GET https://host/path", without the query, for messages.
    public var display: String { "\(method.rawValue) \(TransportSecurity.displayForm(of: url))" }
}
