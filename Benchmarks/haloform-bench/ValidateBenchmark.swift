import CLibYAML
import Foundation
import HaloformCore
import ServiceTransport
import YAMLSyntax

/// `validate`: a generated config root of 100,000 customer mappings, timed as libyaml's bare scan, node trees and full validate.
enum ValidateBenchmark {
    /// How many Exact Online tenants, one file each.
    static let tenantCount = 20
    /// How many customer mappings each tenant declares.
    static let customersPerTenant = 5_000
    /// How many times each stage runs; the best run is reported, as the least disturbed by the rest of the machine.
    static let runs = 5

    /// Generates the config root, times each stage, and prints the figures.
    static func run(_ arguments: [String]) async throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("haloform-bench-\(UUID().uuidString)")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: root) }
        for tenant in 0..<tenantCount {
            try Data(tenantFile(tenant).utf8).write(to: root.appendingPathComponent(fileName(tenant)))
        }

        let clock = ContinuousClock()
        var files: [SourceFile] = []
        let reading = try clock.measure {
            files = try (0..<tenantCount).map { tenant in
                let url = root.appendingPathComponent(fileName(tenant))
                return SourceFile(path: url.path, bytes: Array(try Data(contentsOf: url)))
            }
        }
        let megabytes = Double(files.reduce(0) { $0 + $1.bytes.count }) / 1_000_000
        print(
            "config root: \(files.count) files, \(tenantCount * customersPerTenant) customer mappings, \(format(megabytes)) MB (read in \(seconds(reading)))"
        )

        let scan = try best { try files.forEach(scanEvents) }
        let trees = try best { try files.map { file in try YAMLReader.read(file.bytes, file: file.path) } }
        var loaded: LoadedConfig?
        resetPeakMemory()
        let validate = best {
            ConfigLoader.load(files)
        } keeping: {
            loaded = $0
        }
        let validatePeak = peakMemoryMegabytes()
        let single = singleFile()
        let oneFile = try best { try YAMLReader.read(single, file: "one.yaml") }

        print("bare libyaml event scan   \(seconds(scan))   (the floor)")
        print("node trees (YAMLReader)   \(seconds(trees))   \(ratio(trees, scan)) the scan")
        print(
            "full validate             \(seconds(validate))   \(ratio(validate, scan)) the scan   (targets: at most 2.5x, under 1.5 s)"
        )
        print(
            "one \(format(Double(single.count) / 1_000_000)) MB file of 100,000 flow mappings, node tree   \(seconds(oneFile))"
        )
        print(
            "peak memory (VmHWM)       \(validatePeak.map { "\($0) MB" } ?? "unknown") during validate, \(peakMemoryMegabytes().map { "\($0) MB" } ?? "unknown") overall   (target: under 300 MB)"
        )
        if let loaded {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            print("validate result: \(loaded.isValid ? "valid" : "INVALID"), \(loaded.diagnostics.count) diagnostics")
            for error in errors.prefix(3) { print("  \(error.range.map(\.description) ?? "-"): \(error.message)") }
        }
    }

    /// Parses `file` into libyaml events and deletes each one, building nothing: the cost no reader can avoid.
    static func scanEvents(_ file: SourceFile) throws {
        try file.bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { throw Failure("cannot initialise libyaml") }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw Failure("libyaml failed on '\(file.path)'") }
                let type = event.type
                yaml_event_delete(&event)
                if type == YAML_STREAM_END_EVENT { return }
            }
        }
    }

    /// The file name of tenant `index`.
    static func fileName(_ index: Int) -> String {
        "exact-\(twoDigits(index)).yaml"
    }

    /// One tenant's file; the first also holds `halo` and the integration's own settings, which are set once.
    static func tenantFile(_ index: Int) -> String {
        var lines: [String] = ["# yaml-language-server: $schema=../schemas/haloform.schema.json"]
        if index == 0 {
            lines += [
                "halo:",
                "  url: sandbox:.haloform/sandbox.json",
                "  client_id: ${env:HALO_CLIENT_ID}",
                "  client_secret: ${env:HALO_CLIENT_SECRET}",
                "",
                "exact_online:",
                "  enabled: true",
                "  default_tenant: exact-00",
                "  default_invoice_status: open",
            ]
        } else {
            lines.append("exact_online:")
        }
        lines += [
            "  tenants:",
            "    - name: exact-\(twoDigits(index))",
            "      location: nl",
            "      division: \(100_000 + index)",
            "      client_id: ${env:EXACT_CLIENT_ID}",
            "      client_secret: ${env:EXACT_CLIENT_SECRET}",
            "      catalog:",
            "        client_id: ${env:HALOFORM_EXACT_CLIENT_ID}",
            "        client_secret: ${env:HALOFORM_EXACT_CLIENT_SECRET}",
            "      customers:",
            "        top_level: Customers \(twoDigits(index))",
            "        mappings:",
        ]
        let first = index * customersPerTenant
        for customer in first..<(first + customersPerTenant) {
            lines.append("          - { halo: \(customerName(customer)), exact: \"\(100_000 + customer)\" }")
        }
        lines += [
            "      sync:",
            "        entities: [customers, products, invoices]",
            "        show_success_message: true",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// All 100,000 mappings as one sequence in one file, for the single-file figure.
    static func singleFile() -> [UInt8] {
        let total = tenantCount * customersPerTenant
        return Array((0..<total).map { "- { halo: \(customerName($0)), exact: \"\(100_000 + $0)\" }\n" }.joined().utf8)
    }

    /// `Customer 000123` for 123.
    static func customerName(_ index: Int) -> String {
        let digits = String(index)
        return "Customer " + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// `07` for 7.
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// The fastest of `runs` runs of `body`.
    /// The fastest of `runs` runs of `body`. What a run builds is freed after its clock stops, so each figure is the
    /// time to build it, not to build and free it; the last run's result is handed to `keep`.
    static func best<Result>(_ body: () throws -> Result, keeping keep: (Result) -> Void = { _ in }) rethrows
        -> Duration
    {
        let clock = ContinuousClock()
        var fastest = Duration.seconds(Int64.max)
        for run in 0..<runs {
            let start = clock.now
            let result = try body()
            fastest = min(fastest, clock.now - start)
            if run == runs - 1 { keep(result) }
        }
        return fastest
    }

    /// `0.123 s`.
    static func seconds(_ duration: Duration) -> String {
        "\(format(duration.inSeconds, digits: 3)) s"
    }

    /// `2.1x` for how many times `duration` is `base`.
    static func ratio(_ duration: Duration, _ base: Duration) -> String {
        "\(format(duration / base, digits: 1))x"
    }

    /// `value` with `digits` decimals.
    static func format(_ value: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// Resets the kernel's peak-memory mark, so the next reading covers what follows only (Linux 4.0 and later).
    static func resetPeakMemory() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// The process's peak resident memory so far, VmHWM in /proc/self/status, in megabytes.
    static func peakMemoryMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kilobytes / 1024
    }

    /// A stage that could not run.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String

        /// Creates a failure.
        init(_ description: String) {
            self.description = description
        }
    }
}
