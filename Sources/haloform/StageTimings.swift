import Foundation
import HaloformCore
import ServiceTransport

/// How long each stage of a command took and, per system, what its requests cost; printed to stderr with
/// `--trace-timings` (or when `HALOFORM_TIMINGS` is set).
struct StageTimings {
    private var stages: [(name: String, duration: Duration, peak: String)] = []
    private let clock = ContinuousClock()
    /// Whether `report` prints.
    let enabled: Bool

    /// Timings that print when `traced` or when `HALOFORM_TIMINGS` is set.
    init(traced: Bool = false) {
        enabled = traced || ProcessInfo.processInfo.environment["HALOFORM_TIMINGS"] != nil
    }

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

    /// `timings: load 0.012 s (peak 21 MB), fetch 0.410 s (peak 80 MB), …`, then a `fetch <system>:` line per
    /// system the tally saw, on stderr, when enabled.
    func report(_ tally: RequestTally? = nil) {
        guard enabled else { return }
        let parts = stages.map { stage in
            "\(stage.name) \(Self.seconds(stage.duration)) (peak \(stage.peak))"
        }
        var text = "timings: " + parts.joined(separator: ", ") + "\n"
        let figures = tally?.current ?? [:]
        for (name, service) in figures.sorted(by: { $0.key < $1.key }) {
            text += "fetch \(name): " + Self.describe(service) + "\n"
        }
        Terminal.error(text)
    }

    /// `57 requests, 12.4 MB, in flight 1.234 s summed (server 0.900 s), decode 0.210 s`; under a megabyte, in kB.
    static func describe(_ figures: ServiceFigures) -> String {
        let size =
            figures.bytes < 1_000_000
            ? String(format: "%.1f kB", Double(figures.bytes) / 1_000)
            : String(format: "%.1f MB", Double(figures.bytes) / 1_000_000)
        let server = figures.serving > .zero ? " (server \(seconds(figures.serving)))" : ""
        return "\(Quantity(figures.requests, "request")), \(size), in flight \(seconds(figures.receiving)) summed"
            + "\(server), decode \(seconds(figures.decoding))"
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f s", duration.inSeconds)
    }

    /// The process's peak resident memory so far (VmHWM), as "123 MB".
    private static func peakMemory() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kilobytes = line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return kilobytes.map { "\($0 / 1024) MB" } ?? "?"
    }
}
