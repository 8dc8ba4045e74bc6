import ArgumentParser

/// The `haloform` command: declarative configuration of Halo's accounting integrations.
@main
struct Haloform: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "haloform",
        abstract: "Keep Halo's accounting integrations (Exact Online, Business Central, Sage) as reviewed YAML.",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, PlanCommand.self, ApplyCommand.self, ImportCommand.self, DoctorCommand.self,
            SchemaCommand.self, SandboxCommand.self, LoginCommand.self,
        ]
    )

    static func main() async {
        #if os(Linux)
        // glibc gives each thread its own heap arena; with NIO's and the task pool's threads that multiplies the
        // memory a large plan keeps resident. Two arenas cost nothing measurable in speed.
        _ = glibcMallopt(glibcArenaMaximum, 2)
        #endif
        await main(nil)
    }
}

#if os(Linux)
/// glibc's `mallopt`, which its module map does not export.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// glibc's `M_ARENA_MAX` (malloc.h).
private let glibcArenaMaximum: Int32 = -8
#endif
