import HaloformCore
import JSONText
import ServiceTransport

/// What an apply did: the requests that went through, the one that failed, and those never sent.
public struct ApplyReport: Sendable {
    /// Requests Halo accepted, in order.
    public var applied: [Operation] = []
    /// The request that failed, and why.
    public var failure: (operation: Operation, error: ServiceError)?
    /// Requests not sent because an earlier one failed.
    public var notApplied: [Operation] = []

    /// Whether every request went through.
    public var succeeded: Bool { failure == nil }
}

/// Carries out a plan's requests against Halo in order, one request per touched record, stopping at the first failure.
public struct PlanApplier: Sendable {
    /// The Halo client to send through.
    public let client: HaloClient
    /// Reads a secret's value by environment variable name; nil when it is unset.
    public let secret: @Sendable (String) -> String?

    /// Creates an applier.
    public init(client: HaloClient, secret: @escaping @Sendable (String) -> String?) {
        self.client = client
        self.secret = secret
    }

    /// The environment variables the plan needs that are not set; apply refuses to start while any are missing.
    public func missingSecrets(_ plan: Plan) -> [String] {
        Array(Set(plan.operations.flatMap(\.secrets.values)).filter { secret($0) == nil }).sorted()
    }

    /// Sends every request; `progress` hears of each one Halo accepted.
    public func apply(_ plan: Plan, progress: @Sendable (Operation) -> Void = { _ in }) async -> ApplyReport {
        var report = ApplyReport()
        var createdIDs: [String: Int] = [:]
        for (index, operation) in plan.operations.enumerated() {
            do {
                switch operation.kind {
                case .delete:
                    try await client.delete(operation.collection, id: operation.recordID ?? 0)
                case .upsert:
                    var body = operation.body
                    for (field, address) in operation.deferredIDs {
                        if let id = createdIDs[address] { body[field] = .int(id) }
                    }
                    for (field, name) in operation.secrets {
                        if let value = secret(name) { body[field] = .string(value) }
                    }
                    let saved = try await client.post(operation.collection, [body])
                    if let address = operation.creates, let id = saved.first?["id"]?.int { createdIDs[address] = id }
                }
                report.applied.append(operation)
                progress(operation)
            } catch {
                report.failure = (operation, error)
                report.notApplied = Array(plan.operations[(index + 1)...])
                return report
            }
        }
        return report
    }
}
