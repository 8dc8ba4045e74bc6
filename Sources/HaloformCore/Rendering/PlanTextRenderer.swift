/// Renders a plan as Terraform users know it: `+` create, `~` update, `-/+` replace, `-` delete, then a summary.
public struct PlanTextRenderer: Sendable {
    /// Whether to colour the output with ANSI escapes.
    public var color: Bool

    /// Creates a renderer.
    public init(color: Bool) {
        self.color = color
    }

    /// The whole plan, ending in its summary line.
    public func render(_ plan: Plan) -> String {
        var out = ""
        if plan.changes.isEmpty {
            out += paint("No changes.", "1;32") + " Halo matches the configuration.\n"
        } else {
            out += "haloform will perform these actions:\n\n"
            for change in plan.changes {
                out += render(change)
            }
        }
        if !plan.drift.isEmpty {
            out +=
                paint("Drift", "1;33")
                + " (in Halo but not in the config; left alone because the list says prune: false):\n"
            for drift in plan.drift { out += "  " + paint("?", "1;33") + " \(drift.address): \(drift.description)\n" }
            out += "\n"
        }
        if !plan.warnings.isEmpty {
            out += paint("Warnings:", "1;35") + "\n"
            for warning in plan.warnings {
                out += "  " + paint("!", "1;35") + " \(warning.address): \(warning.message)\n"
            }
            out += "\n"
        }
        out += coverage(plan)
        if !plan.connections.isEmpty {
            out +=
                paint("Connections", "1;33")
                + " (apart from the changes: only a person can connect a tenant, in Halo):\n"
            for note in plan.connections {
                out += "  " + paint("!", "1;33") + " \(note.tenant): \(note.message)\n      fix: \(note.fix)\n"
            }
            out += "\n"
        }
        out += followUp(plan)
        out += summary(plan) + "\n"
        if plan.hasChanges, let cost = plan.cost { out += "\n" + self.cost(cost) }
        return out
    }

    /// The records the coverage rules find unmapped, with a count per tenant, and a blank line after; empty when none.
    func coverage(_ plan: Plan) -> String {
        guard !plan.uncovered.isEmpty else { return "" }
        var out =
            paint("Uncovered", "1;31") + " (the coverage rules want these mapped, or listed under unmapped_ok; "
            + "haloform suggest proposes mappings):\n"
        for (tenant, records) in Coverage.byTenant(plan.uncovered) {
            out += "  \(tenant): \(Quantity(records.count, "uncovered record"))\n"
            for record in records {
                out += "    " + paint(record.isError ? "x" : "!", "1;31") + " \(record.rule): \(record.reason)\n"
            }
        }
        return out + "\n"
    }

    /// What a person must still do in Halo after apply, per tenant, with a blank line after; empty when nothing.
    public func followUp(_ plan: Plan) -> String {
        guard !plan.followUp.isEmpty else { return "" }
        var out = paint("Then, in Halo", "1;36") + " (apply cannot do these):\n"
        for followUp in plan.followUp {
            out += "  \(followUp.tenant):\n"
            for (number, step) in followUp.steps.enumerated() {
                out += "    \(number + 1). \(step.instruction)\n       why: \(step.reason)\n"
            }
        }
        return out + "\n"
    }

    /// What apply will send per system, and how long the documented rate limits make it take at least.
    func cost(_ cost: PlanCost) -> String {
        var out =
            "Apply will send \(Quantity(cost.applyRequests, "request")), taking at least \(PlanCost.duration(cost.minimumSeconds)) at the services' documented rate limits:\n"
        let width = cost.systems.map(\.name.count).max() ?? 0
        for system in cost.systems {
            let name = system.name + String(repeating: " ", count: width - system.name.count)
            out +=
                "  \(name)  \(Quantity(system.applyRequests, "request")) (\(PlanCost.limit(system)): at least \(PlanCost.duration(system.minimumSeconds)))\n"
        }
        return out + "This plan made \(Quantity(cost.planRequests, "request")).\n"
    }

    /// `Plan: 3 to add, 1 to change, 0 to replace, 2 to destroy.`
    public func summary(_ plan: Plan) -> String {
        let line =
            "Plan: \(plan.count(.create)) to add, \(plan.count(.update)) to change, \(plan.count(.replace)) to replace, \(plan.count(.delete)) to destroy."
        return plan.count(.delete) > 0 ? paint(line, "1;31") : paint(line, "1")
    }

    private func render(_ change: PlannedChange) -> String {
        let (symbol, code, verb) = Self.style(change.action)
        var out = "  # \(change.address) \(verb)\n"
        out += "  " + paint(symbol, code) + " " + paint(change.address, "1") + "\n"
        let width = change.fields.map(\.name.count).max() ?? 0
        for field in change.fields {
            let name = field.name.padding(toLength: width)
            let note = field.forcesReplacement && change.action == .replace ? paint(" # forces replacement", "31") : ""
            if field.sensitive {
                out +=
                    "      " + paint(change.action == .update ? "~" : "+", change.action == .update ? "33" : "32")
                    + " \(name) = (sensitive)\(note)\n"
            } else if let old = field.old, let new = field.new {
                out += "      " + paint("~", "33") + " \(name) = \(old) -> \(new)\(note)\n"
            } else if let new = field.new {
                out += "      " + paint("+", "32") + " \(name) = \(new)\(note)\n"
            } else {
                out += "      " + paint("-", "31") + " \(name) = \(field.old ?? "null")\(note)\n"
            }
        }
        return out + "\n"
    }

    /// The symbol, colour and phrase of an action.
    static func style(_ action: PlannedChange.Action) -> (symbol: String, color: String, verb: String) {
        switch action {
        case .create: ("+", "32", "will be created")
        case .update: ("~", "33", "will be updated in place")
        case .replace: ("-/+", "31", "must be replaced")
        case .delete: ("-", "31", "will be destroyed")
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The string padded with spaces to at least `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
