import Foundation

/// Every benchmark, by name; each file adds its entry here.
enum BenchmarkRegistry {
    static let all: [String: @Sendable ([String]) async throws -> Void] = [
        "validate": { try await ValidateBenchmark.run($0) },
        "fetch": { try await FetchBenchmark.run($0) },
        "plan": { try await PlanBenchmark.run($0) },
        "planner": { try await PlannerBenchmark.run($0) },
        "doctor": { try await DoctorBenchmark.run($0) },
        "suggest": { try await SuggestBenchmark.run($0) },
    ]
}
