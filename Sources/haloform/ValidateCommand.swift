import ArgumentParser
import HaloformCore

/// `haloform validate`: check a config root with no network, and show every problem where it is.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a config root: syntax, keys, types and the integrations' rules. No network."
    )

    @Argument(help: "The config root: a folder of YAML files (or one file).")
    var root: String = "."

    @Option(help: "Output format: text, or json for CI annotations.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var color: ColorOption

    func run() async throws {
        let files = try ConfigRoot(path: root).files()
        let loaded = ConfigLoader.load(files)
        let report = DiagnosticReport(diagnostics: loaded.diagnostics, files: files)
        report.print(format: format)
        let failed = loaded.diagnostics.hasErrors || strict && !loaded.diagnostics.isEmpty
        if format == .text && !failed {
            let tenants = loaded.config.integrations.values.reduce(0) { $0 + $1.tenants.count }
            Terminal.output(
                "\(root): valid (\(Quantity(files.count, "file")), \(Quantity(loaded.config.integrations.count, "integration")), \(Quantity(tenants, "tenant")))\n"
            )
        }
        if failed { throw ExitCode.failure }
    }
}
