import Foundation
import HaloformCore
import JSONText
import Sandbox

/// `plan`: the real `haloform` binary planning large configs against a `haloform sandbox serve` child on loopback.
///
/// (a) a no-op plan of 50,000 customer mappings over 10 Exact tenants, end to end including the fetch;
/// (b) 100,000 mappings over 20 tenants with half of them changed: the planner's own time, the whole plan, and
/// the POSTs apply makes;
/// (c) scenario (a) with the sandbox adding 50 ms (`--latency MS`) to every answer, as a real network does: fetched
/// concurrently, then page by page (`HALOFORM_FETCH_CONCURRENCY=1`).
/// Each prints, per system, the requests, the bytes and the sandbox's time to serve them, and the binary's own
/// `--trace-timings` lines (time in flight and decode per system) when it has them. `--haloform PATH` plans with
/// another build (an older commit's, side by side); the sandbox is always this build's, which times its answers.
/// Build first: `swift build -c release`, then `.build/release/haloform-bench plan [a] [b] [c]`.
enum PlanBenchmark {
    static func run(_ arguments: [String]) async throws {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let own = folder.appendingPathComponent("haloform")
        let binary = arguments.firstIndex(of: "--haloform").map { URL(fileURLWithPath: arguments[$0 + 1]) } ?? own
        let latency = arguments.firstIndex(of: "--latency").flatMap { Int(arguments[$0 + 1]) } ?? 50
        for candidate in [own, binary] where !FileManager.default.isExecutableFile(atPath: candidate.path) {
            print("no haloform binary at \(candidate.path): build it first (swift build -c release)")
            exit(1)
        }
        print("planning with \(binary.path); sandbox \(own.path)")
        let wanted = arguments.filter { ["a", "b", "c"].contains($0) }
        for (label, tenants, perTenant) in [("a", 10, 5_000), ("b", 20, 5_000), ("c", 10, 5_000)]
        where wanted.isEmpty || wanted.contains(label) {
            try await scenario(
                label, binary: binary, sandboxBinary: own, tenants: tenants, perTenant: perTenant, latency: latency)
        }
    }

    private static func scenario(
        _ label: String, binary: URL, sandboxBinary: URL, tenants: Int, perTenant: Int, latency: Int
    ) async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "haloform-plan-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state.json")
        try await writeState(state, tenants: tenants, perTenant: perTenant)

        let sandbox = try SandboxChild(binary: sandboxBinary, state: state)
        defer { sandbox.stop() }
        let root = folder.appendingPathComponent("config")
        try writeConfig(root, url: sandbox.baseURL, tenants: tenants, perTenant: perTenant, changed: false)
        let setup = try Measured.run(binary, ["apply", "--auto-approve", root.path])
        guard setup.status == 0 else { throw BenchmarkFailure("setup apply failed: \(setup.stderr.suffix(2000))") }

        let mappings = tenants * perTenant
        let traced = ["HALOFORM_TIMINGS": "1"]
        switch label {
        case "a":
            try await sandbox.resetStats()
            let plan = try Measured.run(binary, ["plan", "--detailed-exitcode", root.path], environment: traced)
            print("(a) no-op plan, \(mappings) customer mappings over \(tenants) tenants, end to end incl. fetch:")
            print(
                "    exit \(plan.status) (0 = no changes), wall \(String(format: "%.2f", plan.seconds)) s, peak \(peak(plan))"
                    + "   (targets: at most 1 s, at most 100 MB)")
            try await printFetch(plan, sandbox)
        case "b":
            try writeConfig(root, url: sandbox.baseURL, tenants: tenants, perTenant: perTenant, changed: true)
            try await sandbox.resetStats()
            let plan = try Measured.run(binary, ["plan", "--format", "json", root.path], environment: traced)
            let document = try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any]
            let changes = (document?["changes"] as? [Any])?.count ?? 0
            let operations = (document?["operations"] as? [Any])?.count ?? 0
            print("(b) \(mappings) mappings over \(tenants) tenants, half changed (\(changes) changes):")
            print(
                "    planner alone \(String(format: "%.3f", stage(plan, "plan"))) s; JSON render "
                    + "\(String(format: "%.3f", stage(plan, "render"))) s; whole plan \(String(format: "%.2f", plan.seconds)) s "
                    + "(target at most 2 s), peak \(peak(plan)) (target at most 200 MB)")
            try await printFetch(plan, sandbox)
            try await sandbox.resetStats()
            let apply = try Measured.run(binary, ["apply", "--auto-approve", root.path])
            let posts = try await sandbox.count(prefix: "POST /api/", system: "halo")
            print(
                "    apply: \(operations) planned requests, \(posts) POSTs to Halo's API, exit \(apply.status), "
                    + "wall \(String(format: "%.2f", apply.seconds)) s   (target: one per touched record)")
        default:
            try await sandbox.setFaults("{\"latency_ms\": \(latency)}")
            print("(c) no-op plan of \(mappings) mappings, every answer \(latency) ms late:")
            var walls: [Double] = []
            for (name, environment) in [
                ("concurrent", traced), ("page by page", traced.merging(["HALOFORM_FETCH_CONCURRENCY": "1"]) { $1 }),
            ] {
                try await sandbox.resetStats()
                let plan = try Measured.run(
                    binary, ["plan", "--detailed-exitcode", root.path], environment: environment)
                walls.append(plan.seconds)
                print(
                    "    \(name): exit \(plan.status), wall \(String(format: "%.2f", plan.seconds)) s, fetch "
                        + "\(String(format: "%.2f", stage(plan, "fetch"))) s")
                try await printFetch(plan, sandbox)
            }
            print(
                "    page by page / concurrent: \(String(format: "%.1f", walls[1] / walls[0]))x   (target: at least 4x)"
            )
        }
    }

    /// Per system: the sandbox's requests, bytes and serving time, then the binary's own trace of its fetch.
    private static func printFetch(_ run: Measured, _ sandbox: SandboxChild) async throws {
        let systems = try await sandbox.stats().object?["systems"]?.object ?? [:]
        let served = systems.keys.sorted().compactMap { name -> String? in
            guard let system = systems[name]?.object, let count = system["total"]?.int, count > 0 else { return nil }
            let megabytes = Double(system["bytes"]?.int ?? 0) / 1_000_000
            let milliseconds: Double
            switch system["serve_ms"] {
            case .double(let value)?: milliseconds = value
            case let other: milliseconds = Double(other?.int ?? 0)
            }
            return "\(name) \(count) requests, \(String(format: "%.1f", megabytes)) MB, served in "
                + "\(String(format: "%.3f", milliseconds / 1000)) s"
        }
        print("    sandbox: " + served.joined(separator: "; "))
        for line in run.stderr.split(separator: "\n") where line.hasPrefix("timings:") || line.hasPrefix("fetch ") {
            print("    \(line)")
        }
    }

    /// A stage's seconds from the `timings:` line, or -1.
    private static func stage(_ run: Measured, _ name: String) -> Double {
        let line = run.stderr.split(separator: "\n").first { $0.hasPrefix("timings:") } ?? ""
        let part = line.dropFirst("timings:".count).split(separator: ",").first {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(name) ")
        }
        return part?.split(separator: " ").compactMap { Double($0) }.first ?? -1
    }

    /// The seed state, plus one Exact division per tenant with `perTenant` accounts, and a Halo client for each.
    private static func writeState(_ url: URL, tenants: Int, perTenant: Int) async throws {
        let seed = try await SandboxServer.start(SandboxOptions(statePath: url.path))
        await seed.stop()
        guard var document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
            var exact = document["exact-online"] as? [String: Any], var halo = document["halo"] as? [String: Any],
            var divisions = exact["tenants"] as? [[String: Any]], var entities = exact["entities"] as? [String: Any],
            var tables = halo["tables"] as? [String: Any], var clients = tables["Client"] as? [String: Any],
            var clientRecords = clients["records"] as? [[String: Any]],
            let template = entities["123456"] as? [String: Any]
        else { throw BenchmarkFailure("unexpected sandbox state layout") }
        var nextClient = clients["next_id"] as? Int ?? clientRecords.count + 1
        for tenant in 0..<tenants {
            let code = division(tenant)
            var record = divisions[0]
            record["Code"] = code
            record["Description"] = "Bench \(tenant)"
            record["Current"] = false
            divisions.append(record)
            var sets = template
            sets["crm/accounts"] = (0..<perTenant).map { index -> [String: Any] in
                let accountCode = String(100_000 + index)
                return [
                    "ID": UUID().uuidString.lowercased(),
                    "Code": String(repeating: " ", count: 18 - accountCode.count) + accountCode,
                    "Name": clientName(tenant, index), "Status": "C", "Division": code,
                ]
            }
            entities[String(code)] = sets
            for index in 0..<perTenant {
                clientRecords.append(["id": nextClient, "name": clientName(tenant, index), "toplevel_id": 1])
                nextClient += 1
            }
        }
        clients["records"] = clientRecords
        clients["next_id"] = nextClient
        tables["Client"] = clients
        halo["tables"] = tables
        exact["tenants"] = divisions
        exact["entities"] = entities
        document["exact-online"] = exact
        document["halo"] = halo
        try JSONSerialization.data(withJSONObject: document).write(to: url)
    }

    /// One file per tenant; `changed` swaps the Halo customers of half the mappings, pair by pair.
    private static func writeConfig(_ root: URL, url: String, tenants: Int, perTenant: Int, changed: Bool) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "halo: { url: \"sandbox:\(url)\" }\nexact_online:\n  enabled: true\n".write(
            to: root.appendingPathComponent("halo.yaml"), atomically: true, encoding: .utf8)
        for tenant in 0..<tenants {
            var text =
                "exact_online:\n  tenants:\n    - name: bench-\(tenant)\n      location: nl\n      division: \(division(tenant))\n"
                + "      client_id: bench\n      client_secret: ${env:BENCH_SECRET}\n      customers:\n        mappings:\n"
            for index in 0..<perTenant {
                let swapped = changed && index % 4 < 2 ? index ^ 1 : index
                text += "          - { halo: \(clientName(tenant, swapped)), exact: \"\(100_000 + index)\" }\n"
            }
            try text.write(to: root.appendingPathComponent("tenant-\(tenant).yaml"), atomically: true, encoding: .utf8)
        }
    }

    private static func division(_ tenant: Int) -> Int { 500_000 + tenant }

    /// The child's own peak memory, from the VmHWM its `HALOFORM_TIMINGS` line reports last. (`wait4`'s maxrss
    /// would count this parent's memory too: a spawned child shares the parent's address space until it execs.)
    private static func peak(_ run: Measured) -> String {
        let line = run.stderr.split(separator: "\n").first { $0.hasPrefix("timings:") } ?? ""
        return line.split(separator: "(peak ").last.map { String($0.prefix { $0 != ")" }) } ?? "?"
    }
    private static func clientName(_ tenant: Int, _ index: Int) -> String { "Bench \(tenant)-\(index)" }
}

/// A failed benchmark setup.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
