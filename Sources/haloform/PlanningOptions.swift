import ArgumentParser
import HaloformCore
import YAMLSyntax

/// Options shared by plan and apply.
struct PlanningOptions: ParsableArguments {
    @Argument(help: "The config root (for apply: or a saved plan file).")
    var root: String = "."

    @Flag(help: "Push every tenant's client secret again (Halo cannot tell whether it changed).")
    var rotateSecrets = false

    @OptionGroup var color: ColorOption

    @OptionGroup var tokenStore: TokenStoreOption

    @OptionGroup var trace: TraceOption

    /// Plans, printing the planner's diagnostics and the config's warnings; fails when a reference does not resolve.
    func plan(_ workspace: Workspace, _ remote: RemoteState) async throws -> Plan {
        let planner = Planner(
            config: workspace.config, remote: remote, environment: workspace.environment,
            options: PlanOptions(rotateSecrets: rotateSecrets, now: try workspace.now))
        // The remote state is hashed on the other core while the planner works: both only read it.
        async let fingerprint = remote.fingerprint
        let result = planner.draft().stamped(remoteFingerprint: await fingerprint)
        let diagnostics = workspace.warnings + result.diagnostics
        DiagnosticReport(diagnostics: diagnostics, files: workspace.files).print(format: .text)
        guard var plan = result.plan else { throw ExitCode.failure }
        plan.warnings =
            workspace.warnings.map {
                PlanWarning(address: $0.range.map { "\($0.file):\($0.start)" } ?? "config", message: $0.message)
            } + plan.warnings
        return plan
    }
}
