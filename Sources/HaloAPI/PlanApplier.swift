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

/// Where an apply stands: before a request goes (`inFlight` set) or after Halo accepted one (`inFlight` nil).
public struct ApplyProgress: Sendable {
    /// How many requests Halo accepted so far.
    public let accepted: Int
    /// The last request Halo accepted, if any.
    public let lastAccepted: Operation?
    /// The request being sent, if one is.
    public let inFlight: Operation?
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

    /// Sends every request; `progress` hears before each one goes and after Halo accepts it.
    ///
    /// A create (a POST without an id) is the one write Halo does not make idempotent: sent twice, it makes two
    /// records. So before a create the collection is read back and a record already holding the name (made by an
    /// apply that died after sending its create) is updated instead; and when a create's answer is lost, the
    /// collection is read back by name and a record found there is taken as created.
    public func apply(_ plan: Plan, progress: @Sendable (ApplyProgress) -> Void = { _ in }) async -> ApplyReport {
        var report = ApplyReport()
        var createdIDs: [String: Int] = [:]
        for (index, operation) in plan.operations.enumerated() {
            progress(ApplyProgress(accepted: index, lastAccepted: report.applied.last, inFlight: operation))
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
                    let id = try await upsert(operation, body)
                    if let address = operation.creates, let id { createdIDs[address] = id }
                }
                report.applied.append(operation)
                progress(ApplyProgress(accepted: index + 1, lastAccepted: operation, inFlight: nil))
            } catch {
                report.failure = (operation, error)
                report.notApplied = Array(plan.operations[(index + 1)...])
                return report
            }
        }
        return report
    }

    /// Sends one upsert, guarding a create; returns the saved record's id.
    private func upsert(_ operation: Operation, _ body: JSONObject) async throws(ServiceError) -> Int? {
        let integration = Integration(detailsCollection: operation.collection)
        guard operation.creates != nil, operation.recordID == nil,
            let nameField = integration.flatMap(TenantField.name.haloField), let name = body[nameField]?.string
        else {
            return try await client.post(operation.collection, [body]).first?["id"]?.int
        }
        var body = body
        if let id = try await recordID(named: name, field: nameField, in: operation.collection) {
            body[HaloCollection.idField] = .int(id)
        }
        do {
            return try await client.post(operation.collection, [body]).first?["id"]?.int
        } catch  where error.kind == .connectionLost && body[HaloCollection.idField] == nil {
            let found = try await recordID(named: name, field: nameField, in: operation.collection)
            guard let found else { throw error }
            return found
        }
    }

    /// The id of the newest record of `collection` with this name, if Halo holds one.
    private func recordID(named name: String, field: String, in collection: HaloCollection) async throws(ServiceError)
        -> Int?
    {
        let named = try await client.list(collection).filter { $0[field]?.string == name }
        return named.compactMap { $0[HaloCollection.idField]?.int }.max()
    }
}
