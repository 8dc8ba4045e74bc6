import Foundation
import Testing

/// A third-party Python client, run unchanged but for the URLs its script points at the sandbox.
enum ThirdPartyClient {
    /// Runs `script` (beside this file) with the tests' Python (`Tests/python`, which installs the PyPI clients on
    /// first use) and returns the JSON report it prints; fails the test, naming `package`, when the client fails.
    static func report(script: String, arguments: [String], package: String) async throws -> [String: Any] {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let process = Process()
        process.executableURL = here.deletingLastPathComponent().appendingPathComponent("python")
        process.arguments = [here.appendingPathComponent(script).path] + arguments
        var environment = ProcessInfo.processInfo.environment
        // Traffic stays on loopback whatever proxy the machine sets.
        for name in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] { environment[name] = nil }
        environment["no_proxy"] = "*"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first run also makes the Python environment.
        let deadline = Date().addingTimeInterval(900)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning { process.terminate() }
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(
            process.terminationStatus == 0,
            "PyPI \(package) failed (Tests/python installs it into .build/python-venv):\n\(stderr)\(stdout)")
        return try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }
}
