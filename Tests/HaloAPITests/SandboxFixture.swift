import Foundation
import HaloAPI
import HaloformCore
import JSONText
import Logging
import Sandbox
import ServiceTransport

/// Starts a sandbox on a free loopback port for one test, and gives clients configured for quick retries.
struct SandboxFixture {
    let server: SandboxServer
    /// The clock the sandbox and the clients share, when the test moves time itself.
    let clock: ManualClock?
    let log = LogRecorder()

    /// Runs `body` against a fresh in-memory sandbox with no rate limits, stopping it afterwards. With `clock`, the
    /// sandbox and the fixture's clients read that clock, so no real time passes between a token and its use.
    static func run(
        haloRateLimit: Int? = nil, clock: ManualClock? = nil, _ body: (SandboxFixture) async throws -> Void
    ) async throws {
        var options = SandboxOptions(
            haloRateLimit: haloRateLimit, exactRateLimit: nil, businessCentralRateLimit: nil, sageRateLimit: nil)
        if let clock { options.clock = SandboxClock({ clock.now }, sleep: { try await clock.sleep(for: $0) }) }
        let server = try await SandboxServer.start(options)
        do {
            try await body(SandboxFixture(server: server, clock: clock))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Halo's demo connection on this sandbox.
    var connection: HaloConnection {
        HaloConnection(
            url: server.haloURL, clientID: SandboxCredentials.halo.clientID,
            clientSecret: SandboxCredentials.halo.clientSecret)
    }

    /// HTTP settings with millisecond backoffs, no client budget and logs captured.
    func http(_ base: HTTPServiceConfiguration = .halo, attempts: Int = 8) -> HTTPServiceConfiguration {
        var http = base.unlimited()
        http.retry = RetryPolicy(
            maximumAttempts: attempts, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(50),
            maximumRetryAfter: .seconds(5))
        http.requestTimeout = .seconds(20)
        http.logger = log.logger
        if let clock { http.clock = clock }
        return http
    }

    /// A Halo client with test settings.
    func haloClient(pageSize: Int = 50, connection: HaloConnection? = nil, attempts: Int = 8) throws -> HaloClient {
        try HaloClient(
            connection: connection ?? self.connection,
            configuration: HaloClientConfiguration(pageSize: pageSize, http: http(attempts: attempts)))
    }

    /// Calls an admin endpoint (`/_sandbox/...`) and returns its JSON answer.
    @discardableResult
    func admin(_ method: String, _ path: String, _ json: String? = nil) async throws -> JSONValue {
        let service = HTTPService(HTTPServiceConfiguration(name: "Sandbox admin", retry: .none))
        let url = server.baseURL + "/_sandbox/" + path
        let request =
            method == "GET"
            ? ServiceRequest.get(url) : ServiceRequest.postJSON(url, json ?? "{}")
        return try await service.send(request).requireSuccess().json()
    }

    /// How many requests the sandbox counted for one system and path prefix ("POST /auth/token").
    func requestCount(system: String = "halo", matching prefix: String) async throws -> Int {
        let stats = try await admin("GET", "stats")
        let paths = stats.object?["systems"]?.object?[system]?.object?["paths"]?.object ?? [:]
        return paths.filter { $0.key.hasPrefix(prefix) }.values.compactMap(\.int).reduce(0, +)
    }
}
