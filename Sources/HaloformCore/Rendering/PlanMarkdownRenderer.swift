/// Renders a plan as a pull-request comment: grouped by integration and tenant, and never over GitHub's size limit.
public struct PlanMarkdownRenderer: Sendable {
    /// GitHub's limit on a comment's size, in characters.
    public static let defaultLimit = 65_536

    /// The most characters the comment may hold.
    public var limit: Int

    /// Creates a renderer.
    public init(limit: Int = PlanMarkdownRenderer.defaultLimit) {
        self.limit = limit
    }

    /// The comment, truncated with a note when the plan does not fit.
    public func render(_ plan: Plan) -> String {
        let summary = PlanTextRenderer(color: false).summary(plan)
        var head = "### haloform plan\n\n**\(summary)**\n\n"
        if plan.count(.delete) > 0 {
            head += "> [!WARNING]\n> This plan destroys \(Quantity(plan.count(.delete), "thing")) in Halo.\n\n"
        }
        var tail = ""
        if !plan.warnings.isEmpty {
            tail +=
                "#### Warnings\n\n" + plan.warnings.map { "- `\($0.address)`: \(Self.escape($0.message))\n" }.joined()
                + "\n"
        }
        if !plan.uncovered.isEmpty {
            tail += "#### Uncovered (the coverage rules want these mapped; `haloform suggest` proposes mappings)\n\n"
            for (tenant, records) in Coverage.byTenant(plan.uncovered) {
                tail += "- `\(tenant)`: \(Quantity(records.count, "uncovered record"))\n"
                tail += records.map { "  - `\($0.rule)`: \(Self.escape($0.reason))\n" }.joined()
            }
            tail += "\n"
        }
        if !plan.connections.isEmpty {
            tail += "#### Connections (only a person can fix these, in Halo)\n\n"
            tail +=
                plan.connections.map { "- `\($0.tenant)`: \(Self.escape($0.message)). Fix: \(Self.escape($0.fix))\n" }
                .joined() + "\n"
        }
        if !plan.followUp.isEmpty {
            tail += "#### Then, in Halo (apply cannot do these)\n\n"
            for followUp in plan.followUp {
                tail += "- `\(followUp.tenant)`\n"
                tail += followUp.steps.enumerated().map {
                    "  \($0.offset + 1). \(Self.escape($0.element.instruction)) (\(Self.escape($0.element.reason)))\n"
                }.joined()
            }
            tail += "\n"
        }
        if let cost = plan.cost, plan.hasChanges {
            tail +=
                "#### What apply will cost\n\n| system | the plan made | apply will send | documented limit | at least |\n| --- | ---: | ---: | --- | ---: |\n"
            tail +=
                cost.systems.map {
                    "| \($0.name) | \($0.planRequests) | \($0.applyRequests) | \(PlanCost.limit($0)) | \(PlanCost.duration($0.minimumSeconds)) |\n"
                }.joined() + "\n"
        }
        if !plan.drift.isEmpty {
            tail +=
                "#### Drift (left alone: `prune: false`)\n\n"
                + plan.drift.map { "- `\($0.address)`: \(Self.escape($0.description))\n" }.joined() + "\n"
        }
        var body = ""
        var shown = 0
        let room = limit - head.count - tail.count - 400  // keep space for the truncation note
        outer: for group in ChangeGroup.groups(of: plan) {
            let count = Quantity(group.changes.count, "change")
            let section = "<details open><summary><code>\(group.name)</code> (\(count))</summary>\n\n```diff\n"
            if body.count + section.count > room { break }
            body += section
            for change in group.changes {
                let block = Self.block(change)
                if body.count + block.count + 20 > room {
                    body += "```\n\n</details>\n\n"
                    break outer
                }
                body += block
                shown += 1
            }
            body += "```\n\n</details>\n\n"
        }
        if shown < plan.changes.count {
            body +=
                "> [!NOTE]\n> Truncated: \(plan.changes.count - shown) of \(plan.changes.count) changes are not shown to keep this comment under \(limit) characters. Run `haloform plan` for the whole plan.\n\n"
        }
        return head + body + tail
    }

    private static func block(_ change: PlannedChange) -> String {
        let symbol = PlanTextRenderer.style(change.action).symbol
        let prefix = change.action == .delete ? "-" : change.action == .update ? "!" : "+"
        var out = "\(prefix) \(symbol) \(change.address)\n"
        for field in change.fields {
            let value =
                field.sensitive ? "(sensitive)" : [field.old, field.new].compactMap { $0 }.joined(separator: " -> ")
            out += "\(prefix)     \(field.name) = \(value)\n"
        }
        return out.replacingOccurrences(of: "```", with: "'''")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;")
    }
}

extension String {
    /// The string with every `target` replaced, without Foundation.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
