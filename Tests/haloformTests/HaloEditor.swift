import Foundation
import Sandbox
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Just enough of Halo's API to make edits by hand, as a person with a script would.
struct HaloEditor {
    let baseURL: String
    let token: String

    /// Runs `edits` against a sandbox serving the state file of a copied example root, then stops it.
    static func edit(stateOf root: URL, _ edits: (HaloEditor) async throws -> Void) async throws {
        let server = try await SandboxServer.start(SandboxOptions(statePath: root.appendingPathComponent(".haloform/sandbox.json").path))
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
        var request = URLRequest(url: URL(string: "\(baseURL)/auth/token")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let app = SandboxCredentials.halo
        request.httpBody = Data("grant_type=client_credentials&client_id=\(app.clientID)&client_secret=\(app.clientSecret)&scope=all".utf8)
        let object = try JSONSerialization.jsonObject(with: try await Self.send(request)) as? [String: Any]
        token = try #require(object?["access_token"] as? String)
    }

    /// The records of a collection.
    func get(_ collection: String) async throws -> [[String: Any]] {
        var request = URLRequest(url: URL(string: "\(baseURL)/api/\(collection)")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let json = try JSONSerialization.jsonObject(with: try await Self.send(request))
        return (json as? [[String: Any]]) ?? ((json as? [String: Any])?.values.compactMap { $0 as? [[String: Any]] }.first ?? [])
    }

    /// POSTs records; returns the first saved one.
    func post(_ collection: String, _ records: [[String: Any]]) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: "\(baseURL)/api/\(collection)")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: records)
        let json = try JSONSerialization.jsonObject(with: try await Self.send(request))
        return (json as? [String: Any]) ?? ((json as? [[String: Any]])?.first ?? [:])
    }

    /// Connects a tenant as a person would in Halo's UI (`POST /_sandbox/connect`), its token lasting `expiresIn`
    /// seconds from the sandbox's now (30 days unless given).
    func connect(_ collection: String, _ name: String, expiresIn: Double? = nil) async throws {
        var request = URLRequest(url: URL(string: "\(baseURL)/_sandbox/connect")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        var body: [String: Any] = ["collection": collection, "name": name]
        if let expiresIn { body["expires_in"] = expiresIn }
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        _ = try await Self.send(request)
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
        let data = try await Self.send(URLRequest(url: URL(string: "\(baseURL)/_sandbox/stats")!))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    private static func send(_ request: URLRequest) async throws -> Data {
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        #expect((200..<300).contains(status), "\(request.url!): \(status) \(String(decoding: data, as: UTF8.self))")
        return data
    }
}
