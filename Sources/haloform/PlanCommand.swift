import ArgumentParser
import Foundation
import HaloformCore
import YAMLSyntax

/// `haloform plan`: show what apply would change in Halo.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compare the config with what Halo holds and show the changes apply would make."
    )

    @OptionGroup var options: PlanningOptions

    @Option(help: "Save the plan (no secrets) to FILE, for `haloform apply FILE`.")
    var out: String?

    @Option(help: "Output format: text, json or markdown (a pull-request comment).")
    var format: PlanFormat = .text

    @Flag(help: "Exit 0 when there are no changes, 2 when there are, 1 on errors.")
    var detailedExitcode = false

    func run() async throws {
        var timings = StageTimings()
        let workspace = try timings.measure("load") { try Workspace.load(options.root) }
        let (plan, remote) = try await workspace.connect(tokenStore: options.tokenStore.path) { connection in
            connection.reportUnfinishedApply()
            let remote = try await timings.measure("fetch") { try await connection.fetch() }
            var plan = try await timings.measure("plan") { try await options.plan(workspace, remote) }
            plan.cost = connection.cost(of: plan)
            // Halo matches the config, so an apply that died before removing its journal left nothing half written.
            if !plan.hasChanges { ApplyJournal.remove(connection.journalPath) }
            return (plan, remote)
        }
        timings.measure("render") { PlanOutput.print(plan, format: format) }
        timings.report()
        if let out {
            var saved = plan
            saved.configRoot = workspace.root
            saved.priorState = RemoteSnapshot(remote)
            try PlanOutput.json(saved).write(toFile: out, atomically: true, encoding: .utf8)
            Terminal.error("Saved the plan to \(out); apply it with `haloform apply \(out)`.\n")
        }
        if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
    }
}
