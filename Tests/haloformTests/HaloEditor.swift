import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Sandbox
import Testing

/// Just enough of Halo's API to make edits by hand, as a person with a script would.
struct HaloEditor {
    let baseURL: String
    let token: String

    /// Runs `edits` against a sandbox serving the state file of a copied example root, then stops it.
    static func edit(stateOf root: URL, _ edits: (HaloEditor) async throws -> Void) async throws {
        let server = try await SandboxServer.start(
            SandboxOptions(statePath: root.appendingPathComponent(".haloform/sandbox.json").path))
        do {
            try await edits(try await HaloEditor(server.haloURL))
            await server.stop()
        } catch {
            await server.stop()
            throw error
        }
    }

    init(_ baseURL: String) async throws {
        self.baseURL = baseURL
        let app = SandboxCredentials.halo
        let form = "grant_type=client_credentials&client_id=\(app.clientID)&client_secret=\(app.clientSecret)&scope=all"
        let data = try await Self.send(
            .POST, "\(baseURL)/auth/token", contentType: "application/x-www-form-urlencoded", body: Data(form.utf8))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        token = try #require(object?["access_token"] as? String)
    }

    /// The records of a collection.
    func get(_ collection: String) async throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(
            with: try await Self.send(.GET, "\(baseURL)/api/\(collection)", token: token))
        return (json as? [[String: Any]])
            ?? ((json as? [String: Any])?.values.compactMap { $0 as? [[String: Any]] }.first ?? [])
    }

    /// POSTs records; returns the first saved one.
    func post(_ collection: String, _ records: [[String: Any]]) async throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: records)
        let json = try JSONSerialization.jsonObject(
            with: try await Self.send(
                .POST, "\(baseURL)/api/\(collection)", token: token, contentType: "application/json", body: body))
        return (json as? [String: Any]) ?? ((json as? [[String: Any]])?.first ?? [:])
    }

    /// Connects a tenant as a person would in Halo's UI (`POST /_sandbox/connect`), its token lasting `expiresIn`
    /// seconds from the sandbox's now (30 days unless given).
    func connect(_ collection: String, _ name: String, expiresIn: Double? = nil) async throws {
        var body: [String: Any] = ["collection": collection, "name": name]
        if let expiresIn { body["expires_in"] = expiresIn }
        _ = try await Self.send(
            .POST, "\(baseURL)/_sandbox/connect", contentType: "application/json",
            body: try JSONSerialization.data(withJSONObject: body))
    }

    /// Connects every tenant of examples/acme.
    func connectAcme(expiresIn: Double? = nil) async throws {
        for (collection, name) in HaloEditor.acmeTenants { try await connect(collection, name, expiresIn: expiresIn) }
    }

    /// The tenants of examples/acme, by collection and name.
    static let acmeTenants = [
        ("ExactDetails", "exact-nl"), ("ExactDetails", "exact-be"), ("BusinessCentralDetails", "bc-prod"),
        ("BusinessCentralDetails", "bc-uk"), ("SageBusinessCloudDetails", "sage-uk"),
    ]

    /// The sandbox's request counts and the unknown fields it dropped (`GET /_sandbox/stats`, no auth).
    func stats() async throws -> [String: Any] {
        let data = try await Self.send(.GET, "\(baseURL)/_sandbox/stats")
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    // AsyncHTTPClient rather than URLSession: the clients under test use it too, and it runs under ThreadSanitizer.
    private static let http = HTTPClient(eventLoopGroupProvider: .singleton)

    private static func send(
        _ method: HTTPMethod, _ url: String, token: String? = nil, contentType: String? = nil, body: Data? = nil
    ) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: Array(body))) }
        let response = try await http.execute(request, timeout: .seconds(300))
        let data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        #expect(
            (200..<300).contains(response.status.code),
            "\(url): \(response.status.code) \(String(decoding: data, as: UTF8.self))")
        return data
    }
}
