/// A plan's changes that belong to one tenant, else to one integration, else to one address (Halo's billing settings):
/// how the Markdown comment and the HTML report show a plan to a reviewer.
public struct ChangeGroup: Sendable {
    /// `exact_online.tenant["exact-nl"]`, `exact_online` or `billing`.
    public let name: String
    /// The group's changes, in the plan's order.
    public private(set) var changes: [PlannedChange]

    /// The plan's changes by group, the groups in the order their first change has in the plan.
    public static func groups(of plan: Plan) -> [ChangeGroup] {
        var index: [Key: Int] = [:]
        var groups: [ChangeGroup] = []
        for change in plan.changes {
            let key = Key(change.subject)
            if let at = index[key] {
                groups[at].changes.append(change)
            } else {
                index[key] = groups.count
                groups.append(ChangeGroup(name: key.name, changes: [change]))
            }
        }
        return groups
    }

    /// How many of the group's changes are of `action`.
    public func count(_ action: PlannedChange.Action) -> Int {
        changes.lazy.filter { $0.action == action }.count
    }

    /// A change's address below the group's name (`customer_mapping["1001"]`), or the whole address when the change is
    /// the group's own subject or lies outside it.
    public func relativeAddress(of change: PlannedChange) -> String {
        let address = change.address.utf8, prefix = name.utf8
        guard address.count > prefix.count + 1, address.starts(with: prefix),
            address[address.index(address.startIndex, offsetBy: prefix.count)] == UInt8(ascii: ".")
        else { return change.address }
        return String(decoding: address.dropFirst(prefix.count + 1), as: UTF8.self)
    }

    /// What a group is keyed by: hashed without making each change's group name, which a plan of 100,000 changes
    /// would otherwise make 100,000 times.
    private enum Key: Hashable {
        case tenant(CatalogKey)
        case integration(Integration)
        case address(String)

        init(_ subject: ChangeSubject) {
            if let tenant = subject.tenant {
                self = .tenant(tenant)
            } else if let integration = subject.integration {
                self = .integration(integration)
            } else {
                self = .address(subject.address)
            }
        }

        var name: String {
            switch self {
            case .tenant(let tenant): tenant.description
            case .integration(let integration): integration.key
            case .address(let address): address
            }
        }
    }
}
