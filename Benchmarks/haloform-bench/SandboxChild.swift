import Foundation
import HaloformCore
import JSONText
import ServiceTransport

/// `haloform sandbox serve` running as a child process with its rate limits off, for benchmarks.
final class SandboxChild {
    let process = Process()
    let baseURL: String
    private let admin = HTTPService(HTTPServiceConfiguration(name: "Sandbox admin", retry: .none))

    /// Starts the sandbox over `state` on a free port and waits for its banner.
    init(binary: URL, state: URL) throws {
        process.executableURL = binary
        process.arguments = [
            "sandbox", "serve", "--state", state.path, "--port", "0", "--halo-rate-limit", "0",
            "--no-accounting-rate-limits",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var banner = ""
        let deadline = Date().addingTimeInterval(60)
        while !banner.contains("exact-online"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner += String(decoding: chunk, as: UTF8.self)
        }
        guard
            let line = banner.split(separator: "\n").first(where: {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("halo ")
            }),
            let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") })
        else { throw BenchmarkFailure("the sandbox did not start: \(banner)") }
        baseURL = String(url)
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    func resetStats() async throws {
        _ = try await admin.send(.postJSON(baseURL + "/_sandbox/stats/reset", "{}")).requireSuccess()
    }

    func totalRequests() async throws -> Int {
        try await stats().object?["total"]?.int ?? 0
    }

    /// Requests to one system since the last reset whose "METHOD path" starts with `prefix`.
    func count(prefix: String, system: String) async throws -> Int {
        let paths = try await stats().object?["systems"]?.object?[system]?.object?["paths"]?.object ?? [:]
        return paths.filter { $0.key.hasPrefix(prefix) }.reduce(0) { $0 + ($1.value.int ?? 0) }
    }

    /// Sets the sandbox's faults (`latency_ms`, …), as `POST /_sandbox/faults` does.
    func setFaults(_ json: String) async throws {
        _ = try await admin.send(.postJSON(baseURL + "/_sandbox/faults", json)).requireSuccess()
    }

    /// The sandbox's counters since the last reset: per system, requests, bytes and time spent serving.
    func stats() async throws -> JSONValue {
        try await admin.send(.get(baseURL + "/_sandbox/stats")).requireSuccess().json()
    }
}
