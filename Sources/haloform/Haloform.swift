import ArgumentParser

/// The `haloform` command: declarative configuration of Halo's accounting integrations.
@main
struct Haloform: AsyncParsableCommand {
    /// The release this binary is.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "haloform",
        abstract: "Keep Halo's accounting integrations (Exact Online, Business Central, Sage) as reviewed YAML.",
        version: version,
        subcommands: [
            ValidateCommand.self, PlanCommand.self, ShowCommand.self, ApplyCommand.self, ImportCommand.self,
            DoctorCommand.self,
            SuggestCommand.self, SchemaCommand.self, SandboxCommand.self, LoginCommand.self, VersionCommand.self,
        ]
    )
}
