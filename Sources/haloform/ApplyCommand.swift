import ArgumentParser
import Foundation
import HaloAPI
import HaloformCore
import ServiceTransport

/// `haloform apply`: make Halo match the config, or carry out a saved plan.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make Halo match the config (or carry out a plan saved by `plan --out`)."
    )

    @OptionGroup var options: PlanningOptions

    @Flag(help: "Apply without asking (for pipelines).")
    var autoApprove = false

    @Option(help: "The largest share of an integration's mappings one apply may delete.")
    var maxDeleteShare: Double = DeletionGuard().maximumShare

    func run() async throws {
        var timings = StageTimings(traced: options.trace.traceTimings)
        let saved = try SavedPlan.read(options.root)
        let workspace = try timings.measure("load") { try Workspace.load(saved?.configRoot ?? options.root) }
        // Printed however apply ends, so a failed run's trace shows where its time went.
        var tally: RequestTally?
        defer { timings.report(tally) }
        try await workspace.connect(tokenStore: options.tokenStore.path) { connection in
            tally = connection.tally
            connection.reportUnfinishedApply()
            let remote = try await timings.measure("fetch") { try await connection.fetch() }
            let plan: Plan
            if let saved {
                guard saved.remoteFingerprint == remote.fingerprint else {
                    if let prior = saved.priorState {
                        let changes = RemoteChange.changes(from: prior, to: RemoteSnapshot(remote), plan: saved)
                        Terminal.error(StalePlanRenderer().render(changes))
                    }
                    throw CommandFailure(
                        "Halo changed since the plan in '\(options.root)' was made, so nothing was applied; run `haloform plan` again and review the new plan"
                    )
                }
                plan = saved
            } else {
                var planned = try await options.plan(workspace, remote)
                planned.cost = connection.cost(of: planned)
                plan = planned
                PlanOutput.print(plan, format: .text)
            }
            guard plan.hasChanges else {
                ApplyJournal.remove(connection.journalPath)
                if saved != nil { Terminal.output("No changes. Halo matches the configuration.\n") }
                return
            }
            let violations = DeletionGuard(maximumShare: maxDeleteShare).violations(of: plan, against: remote)
            guard violations.isEmpty else {
                throw CommandFailure(
                    "refusing to apply: " + violations.joined(separator: "; ")
                        + "; raise --max-delete-share if this is intended")
            }
            if saved == nil { try confirm() }
            try await timings.measure("apply") { try await apply(plan, connection: connection, workspace: workspace) }
        }
    }

    /// Asks on a terminal; refuses without one unless `--auto-approve` was given.
    private func confirm() throws {
        guard !autoApprove else { return }
        guard isatty(0) == 1 else {
            throw CommandFailure(
                "refusing to apply without confirmation: no terminal to ask on; pass --auto-approve in pipelines")
        }
        Terminal.output(
            "\nDo you want to perform these actions in Halo?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: "
        )
        guard readLine() == "yes" else { throw CommandFailure("apply cancelled") }
    }

    private func apply(_ plan: Plan, connection: Connection, workspace: Workspace) async throws {
        let environment = workspace.environment
        let applier = PlanApplier(client: try connection.haloClient()) { environment.value(of: $0) }
        let missing = applier.missingSecrets(plan)
        guard missing.isEmpty else {
            throw CommandFailure(
                "\(missing.count == 1 ? "environment variable" : "environment variables") \(missing.joined(separator: ", ")) must be set to apply; nothing was changed"
            )
        }
        Terminal.output(
            "\nApplying \(Quantity(plan.changes.count, "change")) in \(Quantity(plan.operations.count, "request")) to Halo...\n"
        )
        let journalPath = connection.journalPath
        let started = ApplyJournal(
            halo: connection.haloName, startedAt: Date(), requests: plan.operations.count, accepted: 0)
        let report = await applier.apply(plan) { progress in
            var journal = started
            journal.accepted = progress.accepted
            journal.lastAccepted = progress.lastAccepted.map(ApplyCommand.describe)
            journal.inFlight = progress.inFlight.map(ApplyCommand.describe)
            journal.write(journalPath)
            if progress.inFlight == nil, let operation = progress.lastAccepted {
                Terminal.output("  done: \(ApplyCommand.describe(operation))\n")
            }
        }
        if let failure = report.failure {
            Terminal.error("error: \(ApplyCommand.describe(failure.operation)) failed: \(failure.error)\n")
            let notApplied = [failure.operation] + report.notApplied
            Terminal.error(
                "Applied \(report.applied.count) of \(Quantity(plan.operations.count, "request")); not applied:\n"
                    + notApplied.flatMap(\.addresses).map { "  - \($0)\n" }.joined()
                    + "Nothing else was sent. Run `haloform plan` to see exactly what remains.\n")
            throw ExitCode.failure
        }
        ApplyJournal.remove(journalPath)
        Terminal.output(
            "\nApply complete: \(Quantity(plan.changes.count, "change")) made in \(Quantity(report.applied.count, "request")).\n"
        )
        let followUp = PlanTextRenderer(color: Terminal.wantsColor(1)).followUp(plan)
        if !followUp.isEmpty { Terminal.output("\n" + followUp) }
    }

    /// `POST /ExactDetails (exact_online.tenant["nl"] and 3 more)`.
    static func describe(_ operation: HaloformCore.Operation) -> String {
        let method =
            operation.kind == .delete
            ? "DELETE /\(operation.collection.path)/\(operation.recordID ?? 0)" : "POST /\(operation.collection.path)"
        let first = operation.addresses.first ?? ""
        let more = operation.addresses.count > 1 ? " and \(operation.addresses.count - 1) more" : ""
        return "\(method) (\(first)\(more))"
    }
}
