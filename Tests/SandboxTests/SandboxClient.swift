import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Sandbox

/// A response as the tests read it.
struct TestResponse {
    /// The status code.
    let status: Int
    /// Headers by lower-cased name.
    let headers: [String: String]
    /// The body bytes.
    let body: Data

    /// The body parsed as JSON (Foundation objects).
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    /// The body as an object.
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    /// The body as an array.
    var array: [Any] { json as? [Any] ?? [] }
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Speaks real HTTP to a sandbox on loopback.
struct SandboxClient {
    /// One HTTP client for all tests; it does not follow redirects, so tests see the authorize endpoints' 302s.
    static let http = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    /// A bound against a hang, waiting for a pooled connection included: long enough for 40 requests at once to a
    /// sandbox built with ThreadSanitizer on a busy machine.
    static let requestTimeout = TimeAmount.seconds(300)

    /// The server under test.
    let server: SandboxServer

    /// Sends a request; `path` is relative to the base URL unless it is absolute.
    func send(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: Data? = nil
    ) async throws -> TestResponse {
        let url = path.hasPrefix("http") ? path : server.baseURL + path
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: Array(body))) }
        let response = try await Self.http.execute(request, timeout: Self.requestTimeout)
        let bytes = try await response.body.collect(upTo: 256 << 20)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return TestResponse(status: Int(response.status.code), headers: fields, body: Data(bytes.readableBytesView))
    }

    /// Sends a form-encoded POST.
    func postForm(_ path: String, _ fields: [(String, String)], headers: [(String, String)] = []) async throws
        -> TestResponse
    {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            "POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers,
            body: Data(body.utf8))
    }

    /// Sends a JSON body.
    func sendJSON(_ method: String, _ path: String, _ value: Any, token: String? = nil) async throws -> TestResponse {
        var headers = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try await send(method, path, headers: headers, body: try JSONSerialization.data(withJSONObject: value))
    }

    /// A GET with a bearer token.
    func get(_ path: String, token: String?, headers: [(String, String)] = []) async throws -> TestResponse {
        try await send("GET", path, headers: (token.map { [("Authorization", "Bearer \($0)")] } ?? []) + headers)
    }

    /// A Halo token for the demo app.
    func haloToken() async throws -> String {
        let response = try await postForm(
            "/auth/token",
            [
                ("grant_type", "client_credentials"), ("client_id", SandboxCredentials.halo.clientID),
                ("client_secret", SandboxCredentials.halo.clientSecret), ("scope", "all"),
            ])
        guard let token = response.object["access_token"] as? String else {
            throw TestFailure("no Halo token: \(response.text)")
        }
        return token
    }

    /// Percent-encodes a form value.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// A test precondition that failed.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Starts an in-memory sandbox, runs the body against it, and stops it.
func withSandbox<T>(
    _ options: SandboxOptions = SandboxOptions(), _ body: (SandboxClient) async throws -> T
) async throws -> T {
    let server = try await SandboxServer.start(options)
    do {
        let result = try await body(SandboxClient(server: server))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

extension SandboxClient {
    /// Logs in through an authorize endpoint (which must redirect with a code) and a token endpoint; returns the
    /// token response and the redirect's query items.
    func authorizationCodeLogin(
        app: SandboxCredentials.App, authorizePath: String, tokenPath: String, extraQuery: String = ""
    ) async throws -> (tokens: [String: Any], redirect: [URLQueryItem]) {
        let authorize = try await send(
            "GET",
            "\(authorizePath)?response_type=code&client_id=\(app.clientID)&redirect_uri=\(Self.encode(app.redirectURI))&state=xyz\(extraQuery)"
        )
        guard authorize.status == 302, let location = authorize.headers["location"],
            location.hasPrefix(app.redirectURI + "?"),
            let items = URLComponents(string: location)?.queryItems,
            let code = items.first(where: { $0.name == "code" })?.value
        else { throw TestFailure("authorize did not redirect with a code: \(authorize.status) \(authorize.headers)") }
        let token = try await postForm(
            tokenPath,
            [
                ("client_id", app.clientID), ("client_secret", app.clientSecret), ("code", code),
                ("grant_type", "authorization_code"), ("redirect_uri", app.redirectURI),
            ])
        guard token.status == 200 else { throw TestFailure("token exchange failed: \(token.text)") }
        return (token.object, items)
    }
}
