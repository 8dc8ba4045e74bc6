import AccountingAPIs
import ArgumentParser
import Foundation
import HaloAPI
import HaloformCore
import Sandbox
import ServiceTransport

/// A loaded config root and the way to reach what it manages: the shared front half of plan, apply, import and doctor.
struct Workspace {
    /// The config root as the user named it.
    let root: String
    /// The files read.
    let files: [SourceFile]
    /// The valid config.
    let config: Config
    /// Its warnings, shown with the plan.
    let warnings: [Diagnostic]

    /// Loads and validates a config root, printing its diagnostics; fails when there are errors.
    static func load(_ root: String, format: OutputFormat = .text) throws -> Workspace {
        let files = try ConfigRoot(path: root).files()
        let loaded = ConfigLoader.load(files)
        if loaded.diagnostics.hasErrors {
            DiagnosticReport(diagnostics: loaded.diagnostics, files: files).print(format: format)
            throw ExitCode.failure
        }
        return Workspace(root: root, files: files, config: loaded.config, warnings: loaded.diagnostics)
    }

    /// The folder relative paths in the config (such as a sandbox state file) are resolved against.
    var folder: String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory)
        return !exists || isDirectory.boolValue ? root : (root as NSString).deletingLastPathComponent
    }

    /// The built-in sandbox `halo.url` names, a relative state file resolved against the config's folder.
    var sandbox: SandboxTarget? {
        guard case .stateFile(let path)? = config.halo?.sandbox, !path.hasPrefix("/") else {
            return config.halo?.sandbox
        }
        return .stateFile((folder as NSString).appendingPathComponent(path))
    }

    /// How far `HALOFORM_CLOCK_OFFSET` moves the clients' and the in-process sandbox's clock (0 when unset).
    var clockOffset: TimeInterval {
        get throws { try ClockOffset.fromEnvironment(sandbox: sandbox != nil) }
    }

    /// The moment tokens are judged at: the clients' clock, moved by `HALOFORM_CLOCK_OFFSET` as theirs is.
    var now: Timestamp {
        get throws { Timestamp(secondsSince1970: SystemClock(offset: try clockOffset).now.timeIntervalSince1970) }
    }

    /// The environment `${env:…}` resolves against.
    var environment: ConfigEnvironment {
        ConfigEnvironment(variables: ProcessInfo.processInfo.environment, isSandbox: sandbox != nil)
    }

    /// Runs `body` with a connection to Halo: the real one, a sandbox already serving (`sandbox:http://127.0.0.1:PORT`),
    /// or the built-in sandbox started on loopback over a state file for the duration.
    func connect<Result>(tokenStore: String?, _ body: (Connection) async throws -> Result) async throws -> Result {
        let statePath: String
        switch sandbox {
        case nil:
            return try await body(try Connection(workspace: self, overrides: nil, tokenStorePath: tokenStore))
        case .running(let base)?:
            let store = tokenStore ?? (folder as NSString).appendingPathComponent(".haloform/tokens.json")
            return try await body(
                try Connection(workspace: self, overrides: Self.sandboxOverrides(base), tokenStorePath: store))
        case .stateFile(let path)?:
            statePath = path
        }
        try FileManager.default.createDirectory(
            atPath: (statePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let server = try await SandboxServer.start(
            SandboxOptions(
                statePath: statePath, faults: try Self.sandboxFaults(), clock: .shifted(by: try clockOffset)))
        // Sandbox logins go to a store beside the state file, never into the user's real one.
        let store =
            tokenStore
            ?? ((statePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("tokens.json")
        do {
            let result = try await body(
                try Connection(workspace: self, overrides: Self.sandboxOverrides(server.baseURL), tokenStorePath: store)
            )
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The sandbox's addresses and demo apps, for a sandbox serving at `baseURL`.
    static func sandboxOverrides(_ baseURL: String) -> ServiceOverrides {
        func app(_ system: SandboxSystem, _ app: SandboxCredentials.App, azureTenant: String? = nil) -> CatalogOverride
        {
            CatalogOverride(
                baseURL: "\(baseURL)/\(system.rawValue)", clientID: app.clientID, clientSecret: app.clientSecret,
                azureTenantID: azureTenant)
        }
        return ServiceOverrides(
            halo: HaloConnection(
                url: baseURL, clientID: SandboxCredentials.halo.clientID,
                clientSecret: SandboxCredentials.halo.clientSecret),
            catalogs: [
                .exactOnline: app(.exactOnline, SandboxCredentials.exactOnline),
                .businessCentral: app(
                    .businessCentral, SandboxCredentials.businessCentral,
                    azureTenant: SandboxCredentials.businessCentralTenant),
                .sageBusinessCloud: app(.sage, SandboxCredentials.sage),
            ]
        )
    }
}

extension Workspace {
    /// Faults for the in-process sandbox from `HALOFORM_SANDBOX_FAULTS` (as `sandbox serve --faults`), for testing pipelines.
    static func sandboxFaults() throws -> SandboxFaults {
        guard let spec = ProcessInfo.processInfo.environment["HALOFORM_SANDBOX_FAULTS"], !spec.isEmpty else {
            return .none
        }
        do {
            return try SandboxFaults(parsing: spec)
        } catch {
            throw CommandFailure("HALOFORM_SANDBOX_FAULTS: \(error)")
        }
    }
}
