import ArgumentParser
import Foundation
import Sandbox

/// `haloform sandbox`: the local emulator of Halo, Exact Online, Business Central and Sage.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local emulator of Halo and the accounting APIs (see docs/sandbox.md).",
        subcommands: [Serve.self, Reset.self]
    )

    /// The state file used when none is given, the one examples point at with `sandbox:.haloform/sandbox.json`.
    static let defaultStatePath = ".haloform/sandbox.json"

    /// `haloform sandbox serve`.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the emulator until interrupted; prints each system's base URL and the demo credentials.")

        @Option(help: "The state file (created from the seed when missing).")
        var state: String = SandboxCommand.defaultStatePath

        @Option(help: "The loopback port (0 picks a free one).")
        var port: Int = 8400

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(
            help: ArgumentHelp(
                "Faults to inject, e.g. seed=7,throttle=0.1,storm=20,retry-after=2,errors=0.05,latency=200,jitter=50,token-lifetime=5,drop=0.01,systems=halo+sage.",
                valueName: "faults"))
        var faults: String = ""

        @Option(help: "Halo's rate limit in requests per rolling 5 minutes (0 turns it off).")
        var haloRateLimit: Int = 300

        @Flag(help: "Turn off the accounting systems' rate limits.")
        var noAccountingRateLimits = false

        func run() async throws {
            let faultSpec: SandboxFaults
            do {
                faultSpec = try SandboxFaults(parsing: faults)
            } catch {
                throw ValidationError(error.message)
            }
            let options = SandboxOptions(
                statePath: state, host: host, port: port, faults: faultSpec,
                haloRateLimit: haloRateLimit > 0 ? haloRateLimit : nil,
                exactRateLimit: noAccountingRateLimits ? nil : .standard,
                businessCentralRateLimit: noAccountingRateLimits ? nil : 6000,
                sageRateLimit: noAccountingRateLimits ? nil : 200,
                stopsOnSignals: true, clock: .shifted(by: try ClockOffset.fromEnvironment(sandbox: true)))
            let server = try await SandboxServer.start(options)
            // Written unbuffered, so a parent process reading the pipe sees the URLs at once.
            FileHandle.standardOutput.write(Data((Self.banner(server) + "\n").utf8))
            try await server.waitUntilStopped()
        }

        /// What `serve` prints: the URLs and the demo apps.
        static func banner(_ server: SandboxServer) -> String {
            let halo = SandboxCredentials.halo
            let exact = SandboxCredentials.exactOnline
            let bc = SandboxCredentials.businessCentral
            let sage = SandboxCredentials.sage
            return """
                haloform sandbox serving \(server.statePath ?? "in-memory state")
                  halo              \(server.haloURL)  (token: \(server.haloURL)/auth/token, API: \(server.haloURL)/api)
                  exact-online      \(server.exactOnlineURL)
                  business-central  \(server.businessCentralURL)
                  sage              \(server.sageURL)
                  admin             \(server.baseURL)/_sandbox/  (faults, reset, stats, tokens/expire)
                demo apps:
                  halo              client_id=\(halo.clientID) client_secret=\(halo.clientSecret) tenant=\(SandboxCredentials.haloTenant)
                  exact-online      client_id=\(exact.clientID) client_secret=\(exact.clientSecret) redirect_uri=\(exact.redirectURI)
                  business-central  client_id=\(bc.clientID) client_secret=\(bc.clientSecret) aad_tenant=\(SandboxCredentials.businessCentralTenant)
                  sage              client_id=\(sage.clientID) client_secret=\(sage.clientSecret) redirect_uri=\(sage.redirectURI)
                Press Ctrl-C to stop.
                """
        }
    }

    /// `haloform sandbox reset`.
    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Restore the seed in a state file.")

        @Option(help: "The state file.")
        var state: String = SandboxCommand.defaultStatePath

        func run() async throws {
            try SandboxServer.resetState(
                atPath: state, clock: .shifted(by: try ClockOffset.fromEnvironment(sandbox: true)))
            print("restored the seed in \(state)")
        }
    }
}
