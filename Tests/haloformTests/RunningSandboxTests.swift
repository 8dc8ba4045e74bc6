import ChildProcesses
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A config whose `halo.url` names a sandbox already serving (`sandbox:http://127.0.0.1:PORT`), as a pipeline with a
/// `haloform sandbox serve` service container has it.
@Suite struct RunningSandboxTests {
    @Test(
        "plan and apply against a running sandbox, whatever the scheme's case, and nothing is written beside the config"
    )
    func planAndApplyAgainstARunningSandbox() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent(
            "haloform-serve-\(UUID().uuidString).json")
        let serve = try ChildProcess(
            HaloformBinary.executable.path, ["sandbox", "serve", "--state", state.path, "--port", "0"],
            environment: ProcessInfo.processInfo.environment, mergingErrors: true)
        defer { serve.send(SIGKILL) }
        let url = try #require(await serve.sandboxURL(), "serve printed no URL: \(serve.output)")

        let root = try HaloformBinary.copyExample("acme")
        defer { try? FileManager.default.removeItem(at: root) }
        try root.appendingPathComponent("halo.yaml").edit(
            "url: sandbox:.haloform/sandbox.json", "url: sandbox:HTTP://" + url.dropFirst("http://".count))
        let plan = try await HaloformBinary.run(
            ["plan", "--detailed-exitcode", "."], in: root, environment: PlanApplyTests.secrets)
        #expect(plan.status == 2, "\(plan)")
        let apply = try await HaloformBinary.run(
            ["apply", "--auto-approve", "."], in: root, environment: PlanApplyTests.secrets)
        #expect(apply.status == 0, "\(apply)")
        let again = try await HaloformBinary.run(
            ["plan", "--detailed-exitcode", "."], in: root, environment: PlanApplyTests.secrets)
        #expect(again.status == 0, "\(again)")
        // The running sandbox holds the state; the in-process one's state file was never made.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".haloform/sandbox.json").path))
        serve.send(SIGTERM)
        #expect(await serve.exit(killingAfter: 60).termination == .exited(0))
        #expect(try String(contentsOf: state, encoding: .utf8).contains("exact-nl"))
    }
}
