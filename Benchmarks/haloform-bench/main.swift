// Benchmarks print figures; they are run by hand (`swift run -c release haloform-bench NAME`), never as tests.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: @Sendable ([String]) async throws -> Void] = BenchmarkRegistry.all
guard let name = arguments.first, let run = benchmarks[name] else {
    print("usage: haloform-bench \(benchmarks.keys.sorted().joined(separator: "|")) [options]")
    exit(64)
}
try await run(Array(arguments.dropFirst()))
