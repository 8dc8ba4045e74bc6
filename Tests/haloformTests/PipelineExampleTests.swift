import Foundation
import Testing

/// The CI examples teams copy: valid against the published workflow schemas, and every haloform command and flag
/// they run exists.
@Suite struct PipelineExampleTests {
    /// An example file, with the builtin schema of check-jsonschema that describes it.
    struct Example: CustomStringConvertible, Sendable {
        var path: String
        var schema: String
        var description: String { path }
    }

    static let examples = [
        Example(path: "examples/ci/github/haloform.yml", schema: "vendor.github-workflows"),
        Example(path: "examples/ci/github/actions/install-haloform/action.yml", schema: "vendor.github-actions"),
        Example(path: "examples/ci/gitlab/.gitlab-ci.yml", schema: "vendor.gitlab-ci"),
        Example(path: "examples/ci/github/haloform-msp.yml", schema: "vendor.github-workflows"),
        Example(path: "examples/ci/gitlab/msp/.gitlab-ci.yml", schema: "vendor.gitlab-ci"),
        // The nightly drift watch.
        Example(path: "examples/ci/github/haloform-drift.yml", schema: "vendor.github-workflows"),
        Example(path: "examples/ci/gitlab/drift.gitlab-ci.yml", schema: "vendor.gitlab-ci"),
    ]

    /// The nightly drift watches, which only plan.
    static let driftWatches = ["examples/ci/github/haloform-drift.yml", "examples/ci/gitlab/drift.gitlab-ci.yml"]

    /// The pipeline files, each of which validates, plans and applies.
    static let pipelines = examples.map(\.path).filter { !$0.hasSuffix("action.yml") && !driftWatches.contains($0) }

    @Test(arguments: examples) func validatesAgainstItsPublishedSchema(_ example: Example) async throws {
        let file = HaloformBinary.packageRoot.appendingPathComponent(example.path)
        let check = try await HaloformBinary.runPython([
            "-m", "check_jsonschema", "--builtin-schema", example.schema, file.path,
        ])
        #expect(check.status == 0, "\(check)")

        // The same check refuses a broken copy, so a pass above means something.
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: broken) }
        try (String(contentsOf: file, encoding: .utf8) + "\nfoo_not_a_key: 1\n").write(
            to: broken, atomically: true, encoding: .utf8)
        let refused = try await HaloformBinary.runPython([
            "-m", "check_jsonschema", "--builtin-schema", example.schema, broken.path,
        ])
        #expect(refused.status != 0, "a broken copy must fail: \(refused)")
    }

    @Test func everyCommandAndFlagTheExamplesRunExists() async throws {
        var used: [String: Set<String>] = [:]
        for path in Self.pipelines + Self.driftWatches {
            let text = try String(contentsOf: HaloformBinary.packageRoot.appendingPathComponent(path), encoding: .utf8)
            let invocations = Self.invocations(in: text)
            if Self.pipelines.contains(path) {
                #expect(
                    Set(invocations.map(\.command)) == ["validate", "plan", "show", "apply"], "\(path): \(invocations)")
            }
            for invocation in invocations { used[invocation.command, default: []].formUnion(invocation.flags) }
        }
        for (command, flags) in used {
            let help = try await HaloformBinary.run([command, "--help"])
            #expect(help.status == 0, "haloform \(command) exists: \(help)")
            for flag in flags {
                #expect(help.stdout.contains(flag), "haloform \(command) takes \(flag)")
            }
        }
        #expect(used["plan"]?.isSuperset(of: ["--format", "--out", "--detailed-exitcode"]) == true)
        #expect(used["apply"]?.contains("--auto-approve") == true)
        #expect(used["show"] == ["--format"], "the page is rendered from the saved plan, not a second fetch")
    }

    @Test func theDriftWatchPlansMainNightlyAndKeepsOneIssue() async throws {
        for path in Self.driftWatches {
            let text = try String(contentsOf: HaloformBinary.packageRoot.appendingPathComponent(path), encoding: .utf8)
            let invocations = Self.invocations(in: text)
            #expect(invocations.map(\.command) == ["plan"], "\(path): \(invocations)")
            #expect(Set(invocations.flatMap(\.flags)) == ["--format", "--out", "--detailed-exitcode"], "\(path)")
            // Drift is changes (exit 2), or drift or uncovered records in the saved plan, which the plan document has.
            #expect(text.contains("(.drift | length) + (.uncovered // [] | length)"), "\(path)")
            #expect(text.contains("haloform-drift"), "\(path) keeps one labelled issue")
        }
        let github = try String(
            contentsOf: HaloformBinary.packageRoot.appendingPathComponent("examples/ci/github/haloform-drift.yml"),
            encoding: .utf8)
        #expect(github.contains("schedule:") && github.contains("state: 'closed'"))
        let gitlab = try String(
            contentsOf: HaloformBinary.packageRoot.appendingPathComponent("examples/ci/gitlab/.gitlab-ci.yml"),
            encoding: .utf8)
        #expect(gitlab.contains("local: /drift.gitlab-ci.yml"))
        let help = try await HaloformBinary.run(["plan", "--help"])
        #expect(help.stdout.contains("--strict"), "plan takes --strict for pipelines that fail on uncovered records")
        let schema = try String(
            contentsOf: HaloformBinary.packageRoot.appendingPathComponent("schemas/plan.schema.json"), encoding: .utf8)
        #expect(schema.contains("\"uncovered\"") && schema.contains("\"drift\""))
    }

    /// The lines that run haloform (`run: haloform plan …`, `- haloform plan …`, or a script line), not comments.
    static func invocations(in text: String) -> [(command: String, flags: [String])] {
        text.split(separator: "\n").compactMap { line in
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, ["-", "run:"].contains(first) { words.removeFirst() }
            guard words.count >= 2, words[0] == "haloform", words[1].allSatisfy(\.isLowercase) else { return nil }
            let flags = words.dropFirst(2).filter { $0.hasPrefix("--") }.map { String($0.prefix { $0 != "=" }) }
            return (words[1], flags)
        }
    }
}
