import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// A running sandbox: one HTTP server on one port serving Halo at the root and the accounting systems under
/// `/exact-online`, `/business-central` and `/sage`. See docs/sandbox.md for the paths and the seed.
public final class SandboxServer: Sendable {
    /// "http://127.0.0.1:PORT".
    public let baseURL: String
    /// The port the server listens on.
    public let port: Int
    /// The state file, if any.
    public let statePath: String?
    private let engine: SandboxEngine
    /// Runs the HTTP server; stopping is its graceful shutdown, never a cancellation (see `SandboxConnections`).
    private let lifecycle: ServiceGroup
    /// Runs `lifecycle`, then waits for the connections to close, then writes the state.
    private let serving: Task<Void, any Error>

    /// Halo's base URL (the root; the API is at `/api`, the token endpoint at `/auth/token`).
    public var haloURL: String { baseURL }
    /// Exact Online's base URL (`…/exact-online`; API at `/api/v1`, OAuth at `/api/oauth2`).
    public var exactOnlineURL: String { "\(baseURL)/\(SandboxSystem.exactOnline.rawValue)" }
    /// Business Central's base URL (`…/business-central`; API at `/v2.0`, Entra token at `/{tenant}/oauth2/v2.0/token`).
    public var businessCentralURL: String { "\(baseURL)/\(SandboxSystem.businessCentral.rawValue)" }
    /// Sage's base URL (`…/sage`; API at `/v3.1`, OAuth at `/token` and `/oauth2/auth/central`).
    public var sageURL: String { "\(baseURL)/\(SandboxSystem.sage.rawValue)" }

    private init(
        baseURL: String, port: Int, statePath: String?, engine: SandboxEngine, lifecycle: ServiceGroup,
        serving: Task<Void, any Error>
    ) {
        self.baseURL = baseURL
        self.port = port
        self.statePath = statePath
        self.engine = engine
        self.lifecycle = lifecycle
        self.serving = serving
    }

    /// Loads (or seeds) the state and starts serving; returns once the port is bound.
    public static func start(_ options: SandboxOptions) async throws -> SandboxServer {
        let state: SandboxState
        var writer: StateWriter?
        if let path = options.statePath {
            let file = StateFile(path: path)
            if file.exists {
                state = try file.load()
            } else {
                state = SandboxSeed.state(at: options.clock.secondsSince1970)
                try file.save(state)
            }
            writer = StateWriter(file: file)
        } else {
            state = SandboxSeed.state(at: options.clock.secondsSince1970)
        }
        let engine = SandboxEngine(state: state, writer: writer, options: options)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "haloform.sandbox")
        logger.logLevel = .critical
        let connections = SandboxConnections()
        let app = Application(
            responder: SandboxResponder(engine: engine, origin: "http://\(options.host):\(options.port)"),
            server: connections.httpServer,
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let lifecycle = ServiceGroup(
            services: [app], gracefulShutdownSignals: options.stopsOnSignals ? [.sigint, .sigterm] : [], logger: logger)
        let serving = Task {
            defer { continuation.finish() }
            var failure: (any Error)?
            do {
                try await lifecycle.run()
            } catch {
                failure = error
            }
            // The last answers may still be on their way out: the state is written once every connection closed.
            await connections.close()
            await engine.flush()
            if let failure { throw failure }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await serving.value
            throw SandboxStateError(message: "the sandbox could not listen on \(options.host):\(options.port)")
        }
        return SandboxServer(
            baseURL: "http://\(options.host):\(port)", port: port, statePath: options.statePath, engine: engine,
            lifecycle: lifecycle, serving: serving)
    }

    /// Stops taking connections, lets the open ones finish their answers, and writes the state file.
    public func stop() async {
        await lifecycle.triggerGracefulShutdown()
        _ = await serving.result
    }

    /// Waits until the server stops (on SIGINT or SIGTERM when `stopsOnSignals`), with the state written.
    public func waitUntilStopped() async throws {
        try await serving.value
    }

    /// Writes pending state changes now.
    public func flush() async {
        await engine.flush()
    }

    /// Restores the seed (as `POST /_sandbox/reset` does).
    public func reset() async {
        await engine.reset()
    }

    /// Sets the faults (as `POST /_sandbox/faults` does).
    public func setFaults(_ faults: SandboxFaults) async {
        await engine.setFaults(faults)
    }

    /// Overwrites a state file with the seed as it starts by `clock` (`haloform sandbox reset`).
    public static func resetState(atPath path: String, clock: SandboxClock = .system) throws {
        try StateFile(path: path).save(SandboxSeed.state(at: clock.secondsSince1970))
    }
}
