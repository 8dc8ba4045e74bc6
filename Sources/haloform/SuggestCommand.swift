import ArgumentParser
import Foundation
import HaloformCore
import YAMLSyntax

/// `haloform suggest`: propose mappings for the Halo customers and accounting item groups the config does not map.
struct SuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose customer and item-group mappings the config does not have yet, with their evidence.",
        discussion: """
            Matches each active Halo customer under a tenant's top level that no mapping names against the tenant's \
            accounting customers, and each unmapped item group against Halo's product groups. Evidence, strongest \
            first: the same VAT number, registration number, e-mail domain (free mail providers excluded), the same \
            name after normalising case, accents, punctuation and legal forms, then a near name. A candidate two records \
            would claim, or that is mapped already, is reported as a conflict and never proposed. Exit 0.
            """
    )

    /// How the proposals are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @Argument(help: "The config root.")
    var root: String = "."

    @Option(help: "Output format: yaml (to paste) or json.")
    var format: Format = .yaml

    @Option(help: "Leave out proposals below this confidence, from 0 to 1.")
    var minConfidence: Double = 0.6

    @Flag(help: "Add the proposals to the files that declare each list, with a '# suggest:' comment a line.")
    var write = false

    @OptionGroup var tokenStore: TokenStoreOption

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be from 0 to 1") }
    }

    func run() async throws {
        let workspace = try Workspace.load(root)
        guard !workspace.config.integrations.isEmpty else {
            throw CommandFailure("config root '\(root)' declares no integration to suggest mappings for")
        }
        let state = try await workspace.connect(tokenStore: tokenStore.path) { connection in
            var request = connection.request
            // Full customer records (top level, VAT number, e-mail) instead of names only.
            request.collections.insert(.client)
            request.includeClients = false
            request.catalogs = request.catalogs.map { catalog in
                var detailed = catalog
                detailed.customerDetails = true
                return detailed
            }
            return try await connection.fetch(request)
        }
        let report = MappingSuggester(
            config: workspace.config, state: state, minimumConfidence: Int((minConfidence * 100).rounded())
        ).suggest()
        guard write else {
            Terminal.output(format == .json ? SuggestRenderer().json(report) : SuggestRenderer().yaml(report))
            return
        }
        try Self.write(report, workspace: workspace)
    }

    /// Writes the proposals into the config root's files, after checking the edited root still loads cleanly.
    static func write(_ report: SuggestReport, workspace: Workspace) throws {
        let edited: [SourceFile]
        switch SuggestWriter.write(report, into: workspace.files) {
        case .success(let files): edited = files
        case .failure(let list):
            DiagnosticReport(diagnostics: list.diagnostics, files: workspace.files).print(format: .text)
            throw ExitCode.failure
        }
        let byPath = Dictionary(uniqueKeysWithValues: edited.map { ($0.path, $0) })
        let all = workspace.files.map { byPath[$0.path] ?? $0 }
        let loaded = ConfigLoader.load(all)
        if loaded.diagnostics.hasErrors {
            DiagnosticReport(diagnostics: loaded.diagnostics, files: all).print(format: .text)
            throw CommandFailure("the proposals would make the config invalid; nothing was written")
        }
        for file in edited {
            try Data(file.bytes).write(to: URL(fileURLWithPath: file.path), options: .atomic)
        }
        for list in report.lists where !list.proposals.isEmpty {
            Terminal.output("\(list.range.file): \(list.proposals.count) added to \(list.tenant) \(list.list.path)\n")
        }
        for list in report.lists {
            for conflict in list.conflicts {
                Terminal.output(
                    "conflict: "
                        + SuggestRenderer.message(conflict, list: list.list, integration: list.tenant.integration)
                        + "\n")
            }
        }
        Terminal.output(
            "\(report.proposalCount) mapping\(report.proposalCount == 1 ? "" : "s") written, "
                + "\(report.conflictCount) conflict\(report.conflictCount == 1 ? "" : "s") left to decide\n")
    }
}
