import Foundation
import Testing

/// The main job end to end: the real binary against the built-in sandbox of a fresh copy of examples/acme.
@Suite(.serialized) struct PlanApplyTests {
    /// Secret values set for the runs; none may ever be printed or saved.
    static let secrets = [
        "EXACT_CLIENT_SECRET": "exact-secret-d41d8cd98f",
        "BC_CLIENT_SECRET": "bc-secret-9e107d9d372b",
        "HALOFORM_EXACT_CLIENT_SECRET": "catalog-secret-e4d909c290",
    ]

    func haloform(_ arguments: [String], in root: URL, environment: [String: String] = [:]) async throws
        -> HaloformBinary.Run
    {
        let run = try await HaloformBinary.run(
            arguments, in: root, environment: Self.secrets.merging(environment) { $1 })
        for value in Self.secrets.values {
            #expect(!run.stdout.contains(value) && !run.stderr.contains(value), "a secret was printed by \(arguments)")
        }
        return run
    }

    @Test func firstPlanApplyThenNoChanges() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let first = try await haloform(["plan", "--detailed-exitcode", "."], in: root)
        #expect(first.status == 2, "\(first)")
        #expect(first.stdout.contains("+ exact_online.tenant[\"exact-nl\"]"))
        #expect(first.stdout.contains("+ exact_online.tenant[\"exact-nl\"].customer_mapping[\"1001\"]"))
        #expect(first.stdout.contains("+ client_secret             = (sensitive)"))
        #expect(first.stdout.contains("Plan: 33 to add, 7 to change, 0 to replace, 0 to destroy."))

        // The plan ends with what apply will send; apply then sends exactly those writes.
        #expect(first.stdout.contains("Apply will send "), "\(first)")
        #expect(first.stdout.contains("  Halo                 "))
        #expect(first.stdout.contains("This plan made "))
        let json = try await haloform(["plan", "--format", "json", "."], in: root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let operations = try #require(document["operations"] as? [Any]).count
        let systems = try #require((document["cost"] as? [String: Any])?["systems"] as? [[String: Any]])
        #expect(
            systems.map { $0["name"] as? String } == [
                "Halo", "Exact Online", "Business Central", "Sage Business Cloud",
            ])
        let halo = systems[0]
        #expect((halo["apply_requests"] as? Int).map { $0 - (halo["plan_requests"] as? Int ?? 0) } == operations)
        #expect(halo["limit"] as? Int == 300 && halo["window_seconds"] as? Int == 300)

        let apply = try await haloform(["apply", "--auto-approve", "."], in: root)
        #expect(apply.status == 0, "\(apply)")
        #expect(apply.stdout.contains("Apply complete"))
        #expect(
            apply.stdout.contains(operations == 1 ? "in 1 request to Halo" : "in \(operations) requests to Halo"),
            "\(apply)")

        let second = try await haloform(["plan", "--detailed-exitcode", "."], in: root)
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.contains("No changes."))
    }

    @Test func editsGiveExactlyTheirChanges() async throws {
        let root = try HaloformBinary.copyExample("acme")
        #expect(try await haloform(["apply", "--auto-approve", "."], in: root).status == 0)

        let exactNL = root.appendingPathComponent("exact-online/exact-nl.yaml")
        try exactNL.edit("{ halo: Hooli BV, exact: \"1004\" }", "{ halo: Wayne Ltd, exact: \"1004\" }")
        let edited = try await haloform(["plan", "--format", "json", "."], in: root)
        #expect(edited.status == 0, "\(edited)")
        let plan = try JSONSerialization.jsonObject(with: Data(edited.stdout.utf8)) as? [String: Any]
        let changes = plan?["changes"] as? [[String: Any]] ?? []
        #expect(changes.count == 1)
        #expect(changes.first?["address"] as? String == "exact_online.tenant[\"exact-nl\"].customer_mapping[\"1004\"]")
        #expect(changes.first?["action"] as? String == "update")
        #expect((plan?["operations"] as? [Any])?.count == 1)

        let bc = root.appendingPathComponent("business-central.yaml")
        // Swap the two tenants' companies: each connection must be replaced, not edited.
        try bc.edit("company: CRONUS NL", "company: SWAP")
        try bc.edit("company: CRONUS UK", "company: CRONUS NL")
        try bc.edit("company: SWAP", "company: CRONUS UK")
        let replaced = try await haloform(["plan", "."], in: root)
        #expect(replaced.stdout.contains("-/+ business_central.tenant[\"bc-prod\"]"), "\(replaced)")
        #expect(replaced.stdout.contains("-/+ business_central.tenant[\"bc-uk\"]"))
        #expect(replaced.stdout.contains("\"CRONUS NL\" -> \"CRONUS UK\" # forces replacement"))

        try FileManager.default.removeItem(at: root.appendingPathComponent("exact-online/exact-be.yaml"))
        let removed = try await haloform(["plan", "."], in: root)
        #expect(removed.stdout.contains("- exact_online.tenant[\"exact-be\"]"), "\(removed)")
        #expect(removed.stdout.contains("will be destroyed"))
    }

    @Test func savedPlanIsRefusedWhenHaloChangedBehindIt() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let planFile = root.appendingPathComponent("tfplan.json").path
        let saved = try await haloform(["plan", "--out", planFile, "."], in: root)
        #expect(saved.status == 0, "\(saved)")
        let text = try String(contentsOfFile: planFile, encoding: .utf8)
        for value in Self.secrets.values { #expect(!text.contains(value)) }
        #expect(text.contains("\"format_version\" : 2"))

        // Someone else changes Halo: here, an apply of the minimal example over the same state file.
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("haloform-other-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let state = root.appendingPathComponent(".haloform/sandbox.json").path
        try "halo: { url: \"sandbox:\(state)\" }\nexact_online: { enabled: true }\n"
            .write(to: other.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        #expect(try await haloform(["apply", "--auto-approve", other.path], in: root).status == 0)

        let refused = try await haloform(["apply", planFile], in: root)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("Halo changed since the plan"))
    }

    @Test func savedPlanAppliesWhenHaloIsUnchanged() async throws {
        let root = try HaloformBinary.copyExample("minimal")
        let planFile = root.appendingPathComponent("plan.json").path
        #expect(try await haloform(["plan", "--out", planFile, "."], in: root).status == 0)
        let applied = try await haloform(["apply", planFile], in: root)
        #expect(applied.status == 0, "\(applied)")
        #expect(try await haloform(["plan", "--detailed-exitcode", "."], in: root).status == 0)
    }

    @Test func applyWithoutTerminalOrApprovalRefuses() async throws {
        let root = try HaloformBinary.copyExample("minimal")
        let run = try await haloform(["apply", "."], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("pass --auto-approve"))
        #expect(try await haloform(["plan", "--detailed-exitcode", "."], in: root).status == 2, "nothing was applied")
    }

    @Test func interruptedApplyConvergesOnRerun() async throws {
        let root = try HaloformBinary.copyExample("acme")
        var partial = false
        for seed in 1...12 where !partial {
            let faults = "seed=\(seed),errors=0.25,systems=halo"
            let run = try await haloform(
                ["apply", "--auto-approve", "."], in: root, environment: ["HALOFORM_SANDBOX_FAULTS": faults])
            if run.status != 0 && run.stdout.contains("done: ") {
                partial = true
                #expect(run.stderr.contains("not applied:"), "\(run)")
                #expect(run.stderr.contains("Run `haloform plan` to see exactly what remains."))
            }
        }
        #expect(partial, "some seed should interrupt an apply midway")
        let rerun = try await haloform(["apply", "--auto-approve", "."], in: root)
        #expect(rerun.status == 0, "\(rerun)")
        let after = try await haloform(["plan", "--detailed-exitcode", "."], in: root)
        #expect(after.status == 0, "nothing lost or doubled: \(after)")
    }

    @Test func markdownAndJSONFormats() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let markdown = try await haloform(["plan", "--format", "markdown", "."], in: root)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("### haloform plan"))
        #expect(markdown.stdout.contains("<summary><code>exact_online.tenant[\"exact-nl\"]</code>"))

        let json = try await haloform(["plan", "--format", "json", "."], in: root)
        let check = try await HaloformBinary.validatePlan(json.stdout, in: root)
        #expect(check.status == 0, "the JSON plan validates against schemas/plan.schema.json: \(check)")
    }
}
