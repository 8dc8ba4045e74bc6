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
        let plan = try await workspace.connect(tokenStore: options.tokenStore) { connection in
            let remote = try await timings.measure("fetch") { try await connection.fetch() }
            return try timings.measure("plan") { try options.plan(workspace, remote) }
        }
        timings.measure("render") { Terminal.output(PlanOutput.render(plan, format: format)) }
        timings.report()
        if let out {
            var saved = plan
            saved.configRoot = workspace.root
            try PlanOutput.json(saved).write(toFile: out, atomically: true, encoding: .utf8)
            Terminal.error("Saved the plan to \(out); apply it with `haloform apply \(out)`.\n")
        }
        if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
    }
}

/// Options shared by plan and apply.
struct PlanningOptions: ParsableArguments {
    @Argument(help: "The config root (for apply: or a saved plan file).")
    var root: String = "."

    @Flag(help: "Push every tenant's client secret again (Halo cannot tell whether it changed).")
    var rotateSecrets = false

    @Option(help: "The token store for Exact Online and Sage logins (default: $HALOFORM_TOKEN_STORE or ~/.config/haloform/tokens.json).")
    var tokenStore: String?

    /// Plans, printing the planner's diagnostics and the config's warnings; fails when a reference does not resolve.
    func plan(_ workspace: Workspace, _ remote: RemoteState) throws -> Plan {
        let result = Planner(config: workspace.config, remote: remote, environment: workspace.environment,
                             options: PlanOptions(rotateSecrets: rotateSecrets)).plan()
        let diagnostics = workspace.warnings + result.diagnostics
        DiagnosticReport(diagnostics: diagnostics, files: workspace.files).print(format: .text)
        guard var plan = result.plan else { throw ExitCode.failure }
        plan.warnings = workspace.warnings.map { PlanWarning(address: $0.range.map { "\($0.file):\($0.start)" } ?? "config", message: $0.message) } + plan.warnings
        return plan
    }
}

/// How a plan is shown.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

/// Plan rendering for the CLI.
enum PlanOutput {
    /// The plan in a format, colour only on a terminal.
    static func render(_ plan: Plan, format: PlanFormat) -> String {
        switch format {
        case .text: PlanTextRenderer(color: Terminal.wantsColor(1)).render(plan)
        case .json: json(plan)
        case .markdown: PlanMarkdownRenderer().render(plan)
        }
    }

    /// The plan as its versioned JSON document.
    static func json(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(plan)) ?? Data(), as: UTF8.self) + "\n"
    }
}

/// How long each stage of a command took, printed to stderr when `HALOFORM_TIMINGS` is set.
struct StageTimings {
    private var stages: [(name: String, duration: Duration, peak: String)] = []
    private let clock = ContinuousClock()

    /// Runs and times a stage.
    mutating func measure<Result>(_ name: String, _ body: () throws -> Result) rethrows -> Result {
        let start = clock.now
        defer { stages.append((name, clock.now - start, Self.peakMemory())) }
        return try body()
    }

    /// Runs and times an asynchronous stage.
    mutating func measure<Result>(_ name: String, _ body: () async throws -> Result) async rethrows -> Result {
        let start = clock.now
        defer { stages.append((name, clock.now - start, Self.peakMemory())) }
        return try await body()
    }

    /// `timings: load 0.012 s (peak 21 MB), fetch 0.410 s (peak 80 MB), …` on stderr, when asked for.
    func report() {
        guard ProcessInfo.processInfo.environment["HALOFORM_TIMINGS"] != nil else { return }
        let parts = stages.map { stage in
            let seconds = Double(stage.duration.components.seconds) + Double(stage.duration.components.attoseconds) / 1e18
            return "\(stage.name) \(String(format: "%.3f", seconds)) s (peak \(stage.peak))"
        }
        Terminal.error("timings: " + parts.joined(separator: ", ") + "\n")
    }

    /// The process's peak resident memory so far (VmHWM), as "123 MB".
    private static func peakMemory() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kilobytes = line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return kilobytes.map { "\($0 / 1024) MB" } ?? "?"
    }
}
