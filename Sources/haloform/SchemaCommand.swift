import ArgumentParser
import HaloformCore

/// `haloform schema`: print the JSON Schema of the config language.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of haloform's configuration files."
    )

    func run() throws {
        Terminal.output(JSONSchemaRenderer.render())
    }
}
