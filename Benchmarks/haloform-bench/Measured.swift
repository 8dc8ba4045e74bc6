import Foundation
import HaloformCore
import ServiceTransport

/// One run of a child process with its wall time and output.
struct Measured {
    var status: Int32
    var seconds: Double
    var stdout: String
    var stderr: String

    /// Runs `binary` with `arguments`, output to temporary files, and measures it.
    static func run(_ binary: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Measured {
        let folder = NSTemporaryDirectory() + "haloform-measured-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        env["NO_COLOR"] = "1"
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        guard posix_spawn(&pid, binary.path, &actions, nil, argv, envp) == 0 else {
            throw BenchmarkFailure("cannot start \(binary.path)")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = ContinuousClock.now - start
        let read = { (name: String) in (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "" }
        return Measured(
            status: (status >> 8) & 0xFF,
            seconds: elapsed.inSeconds,
            stdout: read("out"), stderr: read("err")
        )
    }
}
