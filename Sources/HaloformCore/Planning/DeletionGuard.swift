/// The safety threshold on deletions, as octoDNS has: refuse a plan that deletes too large a share of what exists.
public struct DeletionGuard: Sendable {
    /// The largest share of an integration's mappings a plan may delete (0.33 = a third).
    public var maximumShare: Double
    /// Below this many existing mappings the share is not checked: deleting 2 of 3 is no accident.
    public var minimumExisting: Int

    /// Creates a guard.
    public init(maximumShare: Double = 0.33, minimumExisting: Int = 10) {
        self.maximumShare = maximumShare
        self.minimumExisting = minimumExisting
    }

    /// One sentence per integration whose deletions exceed the threshold; empty when the plan is within it.
    public func violations(of plan: Plan, against remote: RemoteState) -> [String] {
        Integration.allCases.compactMap { integration in
            let records = remote.tenants(integration)
            let existing = records.reduce(0) { $0 + $1.mappingCount }
            let deletions = plan.changes.filter { $0.integration == integration && $0.action == .delete }
            // A deleted tenant takes its mappings with it: count those of the records its requests delete.
            let deletedTenants = Set(deletions.filter(\.subject.isTenant).map(\.address))
            let deletedRecords = Set(
                plan.operations.filter { operation in
                    operation.kind == .delete && operation.collection == integration.detailsCollection
                        && operation.addresses.contains(where: deletedTenants.contains)
                }.compactMap(\.recordID))
            let deleted =
                deletions.filter(\.subject.isMapping).count
                + records.filter { $0.id.map(deletedRecords.contains) ?? false }.reduce(0) { $0 + $1.mappingCount }
            guard existing >= minimumExisting, Double(deleted) > maximumShare * Double(existing) else { return nil }
            let percent = Int((Double(deleted) / Double(existing) * 100).rounded())
            return
                "the plan deletes \(deleted) of \(existing) \(integration.key) mappings (\(percent)%), more than the \(Int((maximumShare * 100).rounded()))% allowed"
        }
    }
}
