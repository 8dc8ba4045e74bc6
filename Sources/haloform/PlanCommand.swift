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

    @Option(help: "Output format: text, json, markdown (a pull-request comment) or html (a page for a browser).")
    var format: PlanFormat = .text

    @Flag(help: "Exit 0 when there are no changes, 2 when there are, 1 on errors.")
    var detailedExitcode = false

    @Flag(help: "Fail (exit 1) when a coverage rule finds a record nothing maps, as coverage: error does.")
    var strict = false

    func run() async throws {
        var timings = StageTimings(traced: options.trace.traceTimings)
        let workspace = try timings.measure("load") { try Workspace.load(options.root) }
        let (plan, remote, tally) = try await workspace.connect(tokenStore: options.tokenStore.path) { connection in
            connection.reportUnfinishedApply()
            let remote = try await timings.measure("fetch") { try await connection.fetch() }
            var plan = try await timings.measure("plan") { try await options.plan(workspace, remote) }
            plan.cost = connection.cost(of: plan)
            // Halo matches the config, so an apply that died before removing its journal left nothing half written.
            if !plan.hasChanges { ApplyJournal.remove(connection.journalPath) }
            return (plan, remote, connection.tally)
        }
        timings.measure("render") { PlanOutput.print(plan, format: format) }
        timings.report(tally)
        if let out {
            var saved = plan
            saved.configRoot = workspace.root
            saved.priorState = RemoteSnapshot(remote)
            try PlanOutput.json(saved).write(toFile: out, atomically: true, encoding: .utf8)
            Terminal.error("Saved the plan to \(out); apply it with `haloform apply \(out)`.\n")
        }
        let failing = plan.uncovered.filter { strict || $0.isError }
        if !failing.isEmpty {
            Terminal.error(
                "error: \(failing.count) uncovered record\(failing.count == 1 ? "" : "s") fail the run "
                    + "(\(strict ? "--strict" : "coverage: error")): map them, or list them under unmapped_ok\n")
            throw ExitCode.failure
        }
        if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
    }
}
