import Foundation
import HaloformCore
import ServiceTransport

/// How long each stage of a command took, printed to stderr when `HALOFORM_TIMINGS` is set.
struct StageTimings {
    private var stages: [(name: String, duration: Duration, peak: String)] = []
    private let clock = ContinuousClock()

    /// Runs and times a stage.
    mutating func measure<Result>(_ name: String, _ body: () throws -> Result) rethrows -> Result {
        let start = clock.now
        defer { stages.append((name, clock.now - start, Self.peakMemory())) }
        return try body()
    }

    /// Runs and times an asynchronous stage.
    mutating func measure<Result>(_ name: String, _ body: () async throws -> Result) async rethrows -> Result {
        let start = clock.now
        defer { stages.append((name, clock.now - start, Self.peakMemory())) }
        return try await body()
    }

    /// `timings: load 0.012 s (peak 21 MB), fetch 0.410 s (peak 80 MB), …` on stderr, when asked for.
    func report() {
        guard ProcessInfo.processInfo.environment["HALOFORM_TIMINGS"] != nil else { return }
        let parts = stages.map { stage in
            return "\(stage.name) \(String(format: "%.3f", stage.duration.inSeconds)) s (peak \(stage.peak))"
        }
        Terminal.error("timings: " + parts.joined(separator: ", ") + "\n")
    }

    /// The process's peak resident memory so far (VmHWM), as "123 MB".
    private static func peakMemory() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kilobytes = line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return kilobytes.map { "\($0 / 1024) MB" } ?? "?"
    }
}
