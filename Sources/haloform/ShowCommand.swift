import ArgumentParser
import HaloformCore

/// `haloform show`: print a plan saved by `plan --out`, without reading Halo or the accounting systems.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a plan saved by `plan --out` in any plan format, without reading Halo again."
    )

    @Argument(help: "The plan file `plan --out` wrote.")
    var file: String

    @Option(help: "Output format: text, json, markdown (a pull-request comment) or html (a page for a browser).")
    var format: PlanFormat = .text

    func run() throws {
        guard let plan = try SavedPlan.read(file) else {
            throw CommandFailure("'\(file)' is not a plan file: give the file `haloform plan --out FILE` wrote")
        }
        PlanOutput.print(plan, format: format)
    }
}
