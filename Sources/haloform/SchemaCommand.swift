import ArgumentParser
import HaloformCore

/// `haloform schema`: print the JSON Schema of the config language, or its Markdown reference.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Print the JSON Schema (draft 2020-12) of haloform's configuration files, or their reference in Markdown."
    )

    /// What to print.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Option(
        help: "json: the JSON Schema (schemas/haloform.schema.json); markdown: the reference (docs/configuration.md).")
    var format: Format = .json

    func run() throws {
        switch format {
        case .json: Terminal.output(JSONSchemaRenderer.render())
        case .markdown: Terminal.output(ConfigReferenceRenderer.render())
        }
    }
}
