import Foundation
import Testing

/// `haloform show`: a saved plan printed in every plan format, from the file alone.
@Suite struct ShowCommandTests {
    @Test func aSavedPlanShowsAsThePlanItWasInEveryFormat() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let planFile = root.appendingPathComponent("plan.json").path
        var planned = HaloformBinary.Run(status: -1, stdout: "", stderr: "")
        // Each format against the plan run that saved the file: a later plan may differ (its logins are cached).
        for format in ["text", "markdown", "html"] {
            planned = try await HaloformBinary.run(["plan", "--format", format, "--out", planFile, "."], in: root)
            #expect(planned.status == 0, "\(planned)")
            let shown = try await HaloformBinary.run(["show", planFile, "--format", format])
            #expect(shown.status == 0, "\(format): \(shown)")
            #expect(shown.stdout == planned.stdout, "\(format) as plan printed it")
        }
        let json = try await HaloformBinary.run(["show", planFile, "--format", "json"])
        #expect(json.stdout == (try String(contentsOfFile: planFile, encoding: .utf8)), "JSON is the file itself")
        let text = try await HaloformBinary.run(["show", planFile])
        #expect(text.stdout.contains("haloform will perform these actions:"), "text by default: \(text)")

        // The file alone: with its config root gone, and so nothing to fetch with, it still shows.
        let moved = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json")
        try FileManager.default.moveItem(atPath: planFile, toPath: moved.path)
        try FileManager.default.removeItem(at: root)
        let alone = try await HaloformBinary.run(["show", moved.path, "--format", "html"])
        #expect(alone.status == 0 && alone.stdout == planned.stdout, "\(alone)")
    }

    @Test func whatIsNotAPlanOfThisVersionIsRefused() async throws {
        let root = try HaloformBinary.copyExample("minimal")
        let config = root.appendingPathComponent("haloform.yaml").path
        let yaml = try await HaloformBinary.run(["show", config])
        #expect(yaml.status == 1 && yaml.stderr.contains("is not a plan file"), "\(yaml)")
        let folder = try await HaloformBinary.run(["show", root.path])
        #expect(folder.status == 1 && folder.stderr.contains("is not a plan file"), "\(folder)")
        let old = root.appendingPathComponent("old.json")
        try #"{"format_version": 1, "changes": []}"#.write(to: old, atomically: true, encoding: .utf8)
        let refused = try await HaloformBinary.run(["show", old.path])
        #expect(refused.status == 1 && refused.stderr.contains("format version 1"), "\(refused)")
        #expect(refused.stderr.contains("run plan again"), "\(refused)")
        #expect(refused.stdout.isEmpty)
    }
}
