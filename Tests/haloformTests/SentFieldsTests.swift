import Foundation
import Sandbox
import Testing

/// The main job sends Halo only fields Halo knows: the sandbox drops and counts any other, as a real Halo would ignore
/// it, so a misnamed field would leave the change planned again after apply.
@Suite struct SentFieldsTests {
    @Test func planApplyPlanSendsNoUnknownField() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let server = try await SandboxServer.start(
            SandboxOptions(statePath: root.appendingPathComponent(".haloform/sandbox.json").path))
        do {
            try root.appendingPathComponent("halo.yaml").edit(
                "url: sandbox:.haloform/sandbox.json", "url: sandbox:\(server.baseURL)")
            func haloform(_ arguments: [String]) async throws -> HaloformBinary.Run {
                try await HaloformBinary.run(arguments, in: root, environment: PlanApplyTests.secrets)
            }
            let first = try await haloform(["plan", "--detailed-exitcode", "."])
            #expect(first.status == 2, "\(first)")
            let apply = try await haloform(["apply", "--auto-approve", "."])
            #expect(apply.status == 0, "\(apply)")
            let second = try await haloform(["plan", "--detailed-exitcode", "."])
            #expect(second.status == 0, "\(second)")
            #expect(second.stdout.contains("No changes."))

            let stats = try await HaloEditor(server.haloURL).stats()
            let halo = (stats["systems"] as? [String: Any])?["halo"] as? [String: Any]
            let posts = (halo?["paths"] as? [String: Int] ?? [:]).filter { $0.key.hasPrefix("POST /api/") }
            #expect(posts.values.reduce(0, +) >= 5, "apply wrote to Halo: \(posts)")
            #expect(
                stats["unknown_fields"] as? [String: [String: Int]] == [:],
                "fields Halo does not know were sent: \(stats["unknown_fields"] ?? "?")")
            await server.stop()
        } catch {
            await server.stop()
            throw error
        }
    }
}
