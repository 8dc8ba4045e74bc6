import Foundation
import Testing

/// `--trace-timings`: where a real run's time went, per stage and per system, on stderr.
@Suite struct TraceTimingsTests {
    /// The per-system lines of a trace: name → (requests, megabytes, server seconds or nil); -1 for what is missing.
    static func systems(_ stderr: String) -> [String: (requests: Int, megabytes: Double, server: Double?)] {
        var systems: [String: (Int, Double, Double?)] = [:]
        for line in stderr.split(separator: "\n") where line.hasPrefix("fetch ") {
            let head = line.dropFirst("fetch ".count).split(separator: ":", maxSplits: 1)
            guard head.count == 2 else { continue }
            let words = head[1].split(separator: " ")
            let requests = words.first.flatMap { Int($0) } ?? -1
            let megabytes =
                words.firstIndex(of: "MB,").flatMap { Double(words[$0 - 1]) }
                ?? words.firstIndex(of: "kB,").flatMap { Double(words[$0 - 1]).map { $0 / 1_000 } } ?? -1
            let server = words.firstIndex(of: "(server").flatMap { Double(words[$0 + 1]) }
            systems[String(head[0])] = (requests, megabytes, server)
        }
        return systems
    }

    @Test("plan --trace-timings names each stage and, per system, its requests, bytes and the sandbox's own time")
    func planTrace() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let run = try await HaloformBinary.run(["plan", "--trace-timings", "."], in: root)
        #expect(run.status == 0, "\(run)")
        let stages = run.stderr.split(separator: "\n").first { $0.hasPrefix("timings: ") } ?? ""
        for stage in ["load ", "fetch ", "plan ", "render "] {
            #expect(stages.contains(", \(stage)") || stages.hasPrefix("timings: \(stage)"), "\(run.stderr)")
        }
        let systems = Self.systems(run.stderr)
        #expect(
            Set(systems.keys) == ["Halo", "Exact Online", "Business Central", "Sage Business Cloud"], "\(run.stderr)")
        for (name, figures) in systems {
            #expect(figures.requests > 0, "\(name)")
            #expect(figures.megabytes > 0, "\(name): every system answered with something")
            // The sandbox reports its time in Server-Timing, as a server may.
            #expect(figures.server != nil, "\(name): \(run.stderr)")
        }
        // The same figures the plan's request estimate counts.
        let made = try #require(run.stdout.split(separator: "\n").first { $0.contains("This plan made ") })
        let total = systems.values.reduce(0) { $0 + $1.requests }
        #expect(made.contains("\(total) request"), "\(made) vs \(total)")
    }

    @Test("without the flag or HALOFORM_TIMINGS, nothing is traced")
    func quietByDefault() async throws {
        let root = try HaloformBinary.copyExample("minimal")
        let run = try await HaloformBinary.run(["plan", "."], in: root)
        #expect(run.status == 0, "\(run)")
        #expect(!run.stderr.contains("timings:") && !run.stderr.contains("fetch Halo"), "\(run.stderr)")
    }
}
