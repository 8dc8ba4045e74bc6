/// Why a saved plan was refused: each record that changed in Halo since the plan was made, its fields old → new, and
/// whether the plan touches it, so the reviewer knows whether to plan again or to look closer.
public struct StalePlanRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report, one block per changed record; touched records first.
    public func render(_ changes: [RemoteChange]) -> String {
        guard !changes.isEmpty else {
            return "Halo changed since the plan was made, in a way the plan file does not record.\n"
        }
        let touched = changes.filter { !$0.touchedBy.isEmpty }
        var out =
            "Halo changed since the plan was made: \(Quantity(changes.count, "record")), "
            + (touched.isEmpty ? "none of them touched by the plan" : "\(touched.count) touched by the plan") + ".\n"
        for change in touched + changes.filter(\.touchedBy.isEmpty) {
            let symbol =
                switch change.kind {
                case .added: "+"
                case .removed: "-"
                case .changed: "~"
                }
            let subject =
                change.collection == RemoteChange.catalog
                ? "the accounting catalog of \(change.name ?? "")"
                : change.collection + (change.id.map { " \($0)" } ?? "") + (change.name.map { " \"\($0)\"" } ?? "")
            let plan =
                change.touchedBy.isEmpty
                ? "not in the plan" : "the plan changes " + change.touchedBy.joined(separator: ", ")
            out += "  \(symbol) \(subject) \(change.kind.rawValue): \(plan)\n"
            for field in change.fields {
                out += "      \(field.name): \(field.old ?? "(none)") → \(field.new ?? "(none)")\n"
            }
        }
        return out
    }
}
