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
            let existing = remote[integration.detailsCollection].reduce(0) { total, record in
                total + record.mappingCount(of: integration)
            }
            let deleted = plan.changes.filter { $0.integration == integration && $0.action == .delete }.reduce(0) { total, change in
                // A deleted tenant takes its mappings with it.
                total + (change.fields.first { $0.name == "mappings" }?.old.flatMap { Int($0) } ?? (change.address.contains("_mapping[") ? 1 : 0))
            }
            guard existing >= minimumExisting, Double(deleted) > maximumShare * Double(existing) else { return nil }
            let percent = Int((Double(deleted) / Double(existing) * 100).rounded())
            return "the plan deletes \(deleted) of \(existing) \(integration.key) mappings (\(percent)%), more than the \(Int((maximumShare * 100).rounded()))% allowed"
        }
    }
}
