import ArgumentParser
import Foundation
import HaloformCore

/// `haloform import`: write a config root from what Halo holds now.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a config root (a file per integration) from what Halo holds now.",
        discussion: """
            ROOT names the Halo to read: a config root holding at least the 'halo' block (a folder with just \
            halo.yaml will do). The files go to --out, by default ROOT itself; existing files are refused unless \
            --force. Secrets are written as ${env:…} placeholders, never as values.
            """
    )

    @Argument(help: "The config root whose 'halo' block names the Halo to read.")
    var root: String = "."

    @Option(help: "The folder to write the files to (default: ROOT).")
    var out: String?

    @Flag(help: "Overwrite files that exist.")
    var force = false

    @OptionGroup var tokenStore: TokenStoreOption

    func run() async throws {
        let workspace = try Workspace.load(root)
        guard let halo = workspace.config.halo, let url = halo.url?.value else {
            throw CommandFailure("config root '\(root)' declares no 'halo' block, so there is no Halo to import from")
        }
        let folder = out ?? workspace.folder
        let sameRoot = Self.samePath(folder, workspace.folder)
        if sameRoot, let declared = workspace.config.declaredIntegrations.first {
            throw CommandFailure(
                "config root '\(root)' already declares '\(declared.integration.key)'; import into an empty folder with --out"
            )
        }
        if sameRoot, workspace.config.billing != nil {
            throw CommandFailure(
                "config root '\(root)' already declares 'billing'; import into an empty folder with --out")
        }
        // Written elsewhere, a relative sandbox state path must still name the same state file.
        var haloURL = url
        if !sameRoot, case .stateFile(let statePath)? = workspace.sandbox {
            haloURL = "sandbox:" + Self.relativePath(of: statePath, from: folder)
        }
        let settings = ImportedHaloSettings(
            url: haloURL, clientID: halo.clientID?.value, clientSecret: halo.clientSecret?.value,
            tenant: halo.tenant?.value)

        let imported = try await workspace.connect(tokenStore: tokenStore.path) { connection in
            var remote = try await connection.fetch(RemoteStateRequest.importing(from: connection.request.halo))
            let catalogs = RemoteStateRequest.importCatalogs(
                for: remote, environment: workspace.environment, overrides: connection.overrides)
            let unreadable = catalogs.filter { $0.clientID == nil || $0.clientSecret == nil }.map(\.key.integration)
            if let integration = unreadable.first {
                throw CommandFailure(
                    "set \(SecretNames.catalogClientID(integration)) and \(SecretNames.catalogClientSecret(integration)): import reads \(integration.displayName)'s catalog with haloform's own app"
                )
            }
            if !catalogs.isEmpty {
                let request = RemoteStateRequest(
                    halo: connection.request.halo, collections: [], includeClients: false, catalogs: catalogs)
                remote.catalogs = try await connection.fetch(request).catalogs
            }
            return ConfigWriter(remote: remote).write(halo: sameRoot ? nil : settings)
        }
        // The schema the files' first lines name, so an editor checks them without reaching any host.
        let files =
            imported.files + [ImportedFile(name: ConfigWriter.schemaFileName, text: JSONSchemaRenderer.render())]
        try write(files, to: folder)
        for note in imported.notes { Terminal.error("note: \(note)\n") }
        let names = files.map(\.name).joined(separator: ", ")
        Terminal.error(
            "Wrote \(names) to \(folder). Review them, then run `haloform plan \(folder)`: it should show no changes.\n"
        )
    }

    /// Writes the files, refusing (before writing any) those that exist unless `--force`.
    private func write(_ files: [ImportedFile], to folder: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let paths = files.map { ($0, (folder as NSString).appendingPathComponent($0.name)) }
        let existing = paths.filter { manager.fileExists(atPath: $0.1) }.map { "'\($0.1)'" }
        if !force && !existing.isEmpty {
            throw CommandFailure(
                "\(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); pass --force to overwrite"
            )
        }
        for (file, path) in paths {
            try file.text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// `path` relative to the folder `base` (`../acme/.haloform/sandbox.json`), so the written root can move with its state.
    static func relativePath(of path: String, from base: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let origin = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        let shared = zip(target, origin).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: origin.count - shared) + target[shared...]).joined(separator: "/")
    }

    /// Whether two paths name the same folder.
    private static func samePath(_ left: String, _ right: String) -> Bool {
        URL(fileURLWithPath: left).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: right).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
