import Foundation
import HaloformCore
import Sandbox

/// `doctor`: the real `haloform` binary running the checklist over 100,000 customers and 50,000 products, linked to an
/// Exact division with one broken record in a thousand, against a `haloform sandbox serve` child on loopback.
/// Build first: `swift build -c release`, then `.build/release/haloform-bench doctor`.
enum DoctorBenchmark {
    static let customerCount = 100_000
    static let productCount = 50_000

    static func run(_ arguments: [String]) async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "haloform")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            print("build the haloform binary first: swift build -c release")
            exit(1)
        }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "haloform-doctor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state.json")
        try await writeState(state)

        let sandbox = try SandboxChild(binary: binary, state: state)
        defer { sandbox.stop() }
        let root = folder.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try """
        halo: { url: "sandbox:\(sandbox.baseURL)" }
        exact_online:
          enabled: true
          tenants:
            - name: exact-nl
              location: nl
              division: 123456
              client_id: bench
              client_secret: ${env:BENCH_SECRET}
              tax_rates: { mappings: [ { halo: "BTW hoog 21%", exact: "2" } ] }
              sync: { entities: [customers, products, invoices], show_success_message: true }

        """.write(to: root.appendingPathComponent("halo.yaml"), atomically: true, encoding: .utf8)
        let setup = try Measured.run(binary, ["apply", "--auto-approve", root.path])
        guard setup.status == 0 else { throw BenchmarkFailure("setup apply failed: \(setup.stderr.suffix(2000))") }

        try await sandbox.resetStats()
        let doctor = try Measured.run(
            binary, ["doctor", "--format", "json", root.path], environment: ["HALOFORM_TIMINGS": "1"])
        let requests = try await sandbox.totalRequests()
        let document = try JSONSerialization.jsonObject(with: Data(doctor.stdout.utf8)) as? [String: Any]
        let checked = document?["checked"] as? [String: Any] ?? [:]
        let counts = (document?["checks"] as? [[String: Any]] ?? []).map {
            "\($0["check"] ?? "?") \($0["count"] ?? "?")"
        }
        let timings = doctor.stderr.split(separator: "\n").first { $0.hasPrefix("timings:") }.map(String.init) ?? ""
        let peak = timings.split(separator: "(peak ").last.map { String($0.prefix { $0 != ")" }) } ?? "?"
        print(
            "doctor over \(checked["customers"] ?? "?") customers, \(checked["products"] ?? "?") products and \(checked["suppliers"] ?? "?") suppliers, end to end incl. fetch:"
        )
        print(
            "    exit \(doctor.status) (1 = findings), wall \(String(format: "%.2f", doctor.seconds)) s, peak \(peak), \(requests) requests"
                + "   (targets: under 10 s, under 500 MB)")
        print("    \(timings)")
        print("    findings: \(counts.joined(separator: ", "))")
    }

    /// The seed state plus customers and products up to the counts, linked to Exact division 123456; every 1,000th
    /// customer lacks an accounts id and every 1,000th product is excluded.
    private static func writeState(_ url: URL) async throws {
        let seed = try await SandboxServer.start(SandboxOptions(statePath: url.path))
        await seed.stop()
        guard var document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
            var halo = document["halo"] as? [String: Any], var tables = halo["tables"] as? [String: Any]
        else { throw BenchmarkFailure("unexpected sandbox state layout") }
        func grow(_ name: String, to count: Int, _ make: (Int) -> [String: Any]) throws {
            guard var table = tables[name] as? [String: Any], var records = table["records"] as? [[String: Any]] else {
                throw BenchmarkFailure("no \(name) table in the sandbox state")
            }
            for index in records.indices { records[index]["exact_division"] = 123456 }
            records.reserveCapacity(count)
            for id in (records.count + 1)...count { records.append(make(id)) }
            table["records"] = records
            table["next_id"] = count + 1
            tables[name] = table
        }
        try grow("Client", to: customerCount) { id in
            [
                "id": id, "name": "Bench Customer \(id)", "toplevel_id": 1, "inactive": false,
                "accountsid": id % 1000 == 0 ? "" : String(100_000 + id),
                "excludefrominvoicesync": false, "exact_division": 123456, "dbc_company_id": "",
                "sage_business_cloud_details_id": 0,
            ]
        }
        try grow("Item", to: productCount) { id in
            [
                "id": id, "name": "Bench Product \(id)", "assetgroup_id": 1, "accountsid": "B-\(id)",
                "ignore_from_accounting_sync": id % 1000 == 0,
                "taxcode": 1, "nominalcode": "8000", "exact_division": 123456, "dbc_company_id": "",
                "sage_business_cloud_details_id": 0,
            ]
        }
        halo["tables"] = tables
        document["halo"] = halo
        try JSONSerialization.data(withJSONObject: document).write(to: url)
    }
}
