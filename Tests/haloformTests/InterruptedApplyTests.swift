import ChildProcesses
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An apply killed (SIGKILL) right after Halo accepted a tenant's create: the next plan says in plain words that
/// Halo is half written, and the next apply finishes the job without a second tenant record.
@Suite struct InterruptedApplyTests {
    func run(_ arguments: [String], in root: URL) async throws -> HaloformBinary.Run {
        try await HaloformBinary.run(arguments, in: root, environment: PlanApplyTests.secrets)
    }

    @Test("an apply killed after a tenant's create: the next plan says so, the next apply converges with no duplicate")
    func killedAfterTenantCreate() async throws {
        let state = FileManager.default.temporaryDirectory
            .appendingPathComponent("haloform-killed-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: state) }
        // Halo answers slowly, so the kill lands after the Sage tenant's create and before the requests that follow:
        // a second a request leaves the test many seconds to see the line and kill, even on a machine as loaded as a
        // sanitizer run under a soak, where 400 ms once let the apply finish first.
        let serve = try ChildProcess(
            HaloformBinary.executable.path,
            ["sandbox", "serve", "--state", state.path, "--port", "0", "--faults", "latency=1000,systems=halo"],
            environment: ProcessInfo.processInfo.environment, mergingErrors: true)
        defer { _ = serve.send(SIGKILL) }
        let url = try #require(await serve.sandboxURL(), "serve printed no URL: \(serve.output)")

        let root = try HaloformBinary.copyExample("acme")
        defer { try? FileManager.default.removeItem(at: root) }
        try root.appendingPathComponent("halo.yaml").edit("url: sandbox:.haloform/sandbox.json", "url: sandbox:" + url)
        let environment = ProcessInfo.processInfo.environment.merging(PlanApplyTests.secrets) { $1 }
        let apply = try ChildProcess(
            HaloformBinary.executable.path, ["apply", "--auto-approve", "."], in: root.path, environment: environment)
        // Killed by the thread that reads the line, not by this task, which a loaded machine may run seconds later.
        let created = await apply.output(
            where: { $0.contains("done: POST /SageBusinessCloudDetails") }, within: 120, signalling: SIGKILL)
        #expect(created != nil, "\(apply.output)")
        #expect(await apply.exit() == .signalled(SIGKILL))

        let plan = try await run(["plan", "--detailed-exitcode", "."], in: root)
        #expect(plan.status == 2, "\(plan)")
        #expect(plan.stderr.contains("note: the apply started"), "\(plan)")
        // The kill lands after the Sage tenant's create (request 8 of 17), on a busy machine a request or two later.
        let words = /did not finish: Halo accepted (\d+) of its 17 requests, the last POST \/(\w+)/
        let match = try #require(plan.stderr.firstMatch(of: words), "\(plan)")
        #expect((8..<17).contains(Int(match.1) ?? 0), "\(plan)")
        #expect(["SageBusinessCloudDetails", "Tax"].contains(String(match.2)), "\(plan)")
        #expect(plan.stderr.contains("Halo is half written"), "\(plan)")
        // The tenants that apply created are not planned again.
        #expect(!plan.stdout.contains("tenant[\"sage-uk\"] will be created"), "\(plan)")
        #expect(!plan.stdout.contains("tenant[\"exact-nl\"] will be created"), "\(plan)")

        let finish = try await run(["apply", "--auto-approve", "."], in: root)
        #expect(finish.status == 0, "\(finish)")
        let again = try await run(["plan", "--detailed-exitcode", "."], in: root)
        #expect(again.status == 0, "\(again)")
        #expect(!again.stderr.contains("did not finish"), "the finished apply removed its journal: \(again)")

        let halo = try await HaloEditor(url)
        for (collection, name) in HaloEditor.acmeTenants {
            let records = try await halo.get(collection).filter { $0["name"] as? String == name }
            #expect(records.count == 1, "\(collection) holds \(records.count) records named \(name)")
        }
    }
}
