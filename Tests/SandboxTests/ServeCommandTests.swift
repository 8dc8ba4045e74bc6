import AsyncHTTPClient
import ChildProcesses
import Foundation
import NIOCore
import NIOHTTP1
import Sandbox
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `haloform sandbox` command: serve (killed with SIGKILL mid-storm, or stopped with SIGTERM) and reset.
@Suite struct ServeCommandTests {
    /// A running `haloform sandbox serve` child and the base URL it printed.
    struct Child {
        let process: ChildProcess
        let baseURL: String

        /// Kills the child if it still runs.
        func cleanUp() { process.send(SIGKILL) }
    }

    /// Whether the file at `path` holds `text` (false while it does not exist).
    static func fileContains(_ path: String, _ text: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.range(of: Data(text.utf8)) != nil
    }

    /// The built binary, beside the test bundle.
    static let binary = Bundle.main.bundleURL.appendingPathComponent("haloform")

    /// Starts `haloform sandbox serve` on a free port over a state file and waits for its URLs.
    static func serve(statePath: String) async throws -> Child {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "the haloform binary is not built at \(binary.path)")
        let process = try ChildProcess(
            binary.path, ["sandbox", "serve", "--state", statePath, "--port", "0", "--halo-rate-limit", "0"],
            environment: ProcessInfo.processInfo.environment, mergingErrors: true)
        if let url = await process.sandboxURL() { return Child(process: process, baseURL: url) }
        process.send(SIGKILL)
        throw TestFailure("serve printed no URL:\n\(process.output)")
    }

    @Test func stateFileSurvivesKill9DuringAWriteStorm() async throws {
        let path = try StateTests.temporaryStatePath()
        let child = try await Self.serve(statePath: path)
        defer { child.cleanUp() }
        let base = child.baseURL
        let client = RemoteClient(baseURL: base)
        let token = try await client.haloToken()
        let batch = (0..<400).map {
            ["name": "Storm \($0)", "toplevel_id": 2, "accountsid": "S\($0)"] as [String: Any]
        }
        let body = try JSONSerialization.data(withJSONObject: batch)
        let storm = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        for _ in 0..<200 {
                            _ = try? await client.post("/api/Client", body: body, token: token)
                            if Task.isCancelled { return }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Wait (bounded) until a storm write has reached the file, let the writer keep running back to back, then
        // kill the process in the middle of it.
        // The file itself is the witness: the seed may still be on its way to disk when the storm starts, so a size
        // that grows is not proof; a stored storm client is.
        for _ in 0..<400 where !Self.fileContains(path, "Storm ") { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(700))
        child.process.send(SIGKILL)
        storm.cancel()
        _ = await storm.result
        #expect(await child.process.exit(killingAfter: 20).termination == .signalled(SIGKILL))
        let document = try StateTests.stateDocument(path)
        #expect(document["format"] as? String == "haloform-sandbox/1")
        let clients = StateTests.clients(in: document)
        #expect(clients.count >= 312)
        #expect(clients.count > 312, "no storm write reached the file before the kill")
    }

    @Test func sigtermStopsServingAndWritesTheStateThenResetRestoresTheSeed() async throws {
        let path = try StateTests.temporaryStatePath()
        let child = try await Self.serve(statePath: path)
        defer { child.cleanUp() }
        #expect(child.process.output.contains("client_id=haloform-demo client_secret=haloform-demo-secret"))
        #expect(child.process.output.contains("/exact-online"))
        let client = RemoteClient(baseURL: child.baseURL)
        let token = try await client.haloToken()
        let body = try JSONSerialization.data(withJSONObject: [["name": "Before SIGTERM BV"]])
        #expect(try await client.post("/api/Client", body: body, token: token) == 200)
        child.process.send(SIGTERM)
        #expect(await child.process.exit(killingAfter: 20).termination == .exited(0))
        #expect(
            StateTests.clients(in: try StateTests.stateDocument(path)).contains {
                $0["name"] as? String == "Before SIGTERM BV"
            })

        let reset = try ChildProcess(
            Self.binary.path, ["sandbox", "reset", "--state", path], environment: ProcessInfo.processInfo.environment)
        #expect(await reset.exit(killingAfter: 60).termination == .exited(0), "\(reset.output)\(reset.errors)")
        #expect(StateTests.clients(in: try StateTests.stateDocument(path)).count == 312)
    }
}

/// A client for a sandbox running in another process.
struct RemoteClient: Sendable {
    let baseURL: String

    /// A Halo token for the demo app.
    func haloToken() async throws -> String {
        let app = SandboxCredentials.halo
        let response = try await send(
            "/auth/token",
            body: Data(
                "grant_type=client_credentials&client_id=\(app.clientID)&client_secret=\(app.clientSecret)".utf8),
            headers: [("Content-Type", "application/x-www-form-urlencoded")])
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return try #require(object?["access_token"] as? String)
    }

    /// POSTs a JSON body and returns the status.
    func post(_ path: String, body: Data, token: String) async throws -> Int {
        try await send(
            path, body: body, headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")]
        ).status
    }

    private func send(_ path: String, body: Data, headers: [(String, String)]) async throws -> (status: Int, body: Data)
    {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: Array(body)))
        let response = try await SandboxClient.http.execute(request, timeout: SandboxClient.requestTimeout)
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), Data(bytes.readableBytesView))
    }
}
