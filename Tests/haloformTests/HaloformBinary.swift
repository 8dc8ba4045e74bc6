import ChildProcesses
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// Runs the built `haloform` binary as a user would, and captures what it printed.
struct HaloformBinary {
    /// What one run printed and how it exited.
    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String

        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the tests' Python (`Tests/python`: python3 in a virtual environment under .build/ with the PyPI packages
    /// the tests use); the long timeout covers the first run, which makes that environment.
    static func runPython(_ arguments: [String]) async throws -> Run {
        try await run(arguments, program: packageRoot.appendingPathComponent("Tests/python"), timeout: 900)
    }

    /// The binary beside the test bundle in the build folder.
    static var executable: URL {
        Bundle.main.bundleURL.appendingPathComponent("haloform")
    }

    /// Runs `haloform` (or another `program`) with arguments, in `directory`, with extra environment variables;
    /// stdin is empty. It waits without holding a thread, so an in-process sandbox of another test keeps answering
    /// while the binary runs, and kills a run that overruns `timeout` seconds: a guard against a hang, long enough for
    /// a sanitizer build on a busy machine.
    static func run(
        _ arguments: [String], program: URL = executable, in directory: URL? = nil, environment: [String: String] = [:],
        timeout: Double = 600
    ) async throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        let child = try ChildProcess(program.path, arguments, in: (directory ?? packageRoot).path, environment: env)
        let (termination, overran) = await child.exit(killingAfter: timeout)
        if overran {
            Issue.record("\(program.lastPathComponent) \(arguments.joined(separator: " ")) ran past \(timeout) s")
        }
        return Run(status: termination.status, stdout: child.output, stderr: child.errors)
    }

    /// A loopback port nothing listens on now: the kernel's pick for a socket bound to port 0.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        try #require(bound, "no free loopback port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A temporary config root holding `files` (relative path: text).
    static func tempRoot(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "haloform-validate-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// A fresh examples/acme, applied, then edited by one change (exact-nl's account 1004 mapped to Wayne Ltd instead of
    /// Hooli BV) and planned to `plan.json` in it: what a saved plan is tried on.
    static func appliedAcmeWithSavedEdit() async throws -> (root: URL, planFile: String, plan: Run) {
        let root = try copyExample("acme")
        #expect(try await run(["apply", "--auto-approve", "."], in: root).status == 0)
        try root.appendingPathComponent("exact-online/exact-nl.yaml")
            .edit("{ halo: Hooli BV, exact: \"1004\" }", "{ halo: Wayne Ltd, exact: \"1004\" }")
        let planFile = root.appendingPathComponent("plan.json").path
        let plan = try await run(["plan", "--out", planFile, "."], in: root)
        #expect(plan.status == 0, "\(plan)")
        return (root, planFile, plan)
    }

    /// Validates a JSON plan against schemas/plan.schema.json with the PyPI validator; the run exits 0 when it is valid.
    static func validatePlan(_ json: String, in root: URL) async throws -> Run {
        let file = root.appendingPathComponent("plan.json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return try await runPython([
            "-c",
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); plan = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator(schema).validate(plan)
            """, packageRoot.appendingPathComponent("schemas/plan.schema.json").path, file.path,
        ])
    }

    /// A fresh copy of an example config root in a temporary folder, so its sandbox state starts from the seed.
    static func copyExample(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("haloform-e2e-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("examples/\(name)"), to: target)
        try? FileManager.default.removeItem(at: target.appendingPathComponent(".haloform"))
        return target
    }
}

extension URL {
    /// Replaces text in the file at this URL, failing the test when the text is not there.
    func edit(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOf: self, encoding: .utf8)
        #expect(text.contains(old), "'\(old)' not in \(lastPathComponent)", sourceLocation: sourceLocation)
        try text.replacingOccurrences(of: old, with: new).write(to: self, atomically: true, encoding: .utf8)
    }
}
