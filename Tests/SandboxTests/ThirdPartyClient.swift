import ChildProcesses
import Foundation
import Testing

/// A third-party Python client, run unchanged but for the URLs its script points at the sandbox.
enum ThirdPartyClient {
    /// Runs `script` (beside this file) with the tests' Python (`Tests/python`, which installs the PyPI clients on
    /// first use) and returns the JSON report it prints; fails the test, naming `package`, when the client fails.
    static func report(script: String, arguments: [String], package: String) async throws -> [String: Any] {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var environment = ProcessInfo.processInfo.environment
        // Traffic stays on loopback whatever proxy the machine sets.
        for name in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] {
            environment[name] = nil
        }
        environment["no_proxy"] = "*"
        let python = here.deletingLastPathComponent().appendingPathComponent("python")
        let child = try ChildProcess(
            python.path, [here.appendingPathComponent(script).path] + arguments, environment: environment)
        // The first run also makes the Python environment.
        let (termination, _) = await child.exit(killingAfter: 900)
        let stdout = child.output
        try #require(
            termination == .exited(0),
            "PyPI \(package) failed (\(termination); Tests/python installs it into .build/python-venv):\n\(child.errors)\(stdout)"
        )
        return try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }
}
