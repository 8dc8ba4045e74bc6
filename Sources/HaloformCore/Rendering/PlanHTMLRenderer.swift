import JSONText
import Plot

/// Renders a plan as one self-contained HTML page for reviewers: counts per integration and tenant, the changes grouped
/// as in the Markdown comment, a filter, connections, follow-ups and the request estimate, with no network at all.
///
/// Plot writes the page's elements; the changes themselves go into the page once, as JSON, and its inline script shows
/// them a page of rows at a time, so a plan of 100,000 changes opens as fast as a small one (see `PlanHTMLPage`).
public struct PlanHTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The page, a whole HTML document.
    public func render(_ plan: Plan) -> String {
        let groups = ChangeGroup.groups(of: plan)
        let sections: [Node<HTML.BodyContext>] = [
            header(plan), counts(plan, groups), changes(plan, groups),
            notes("warnings", "Warnings", plan.warnings.map { ($0.address, $0.message) }),
            notes("drift", "Drift (left alone: prune: false)", plan.drift.map { ($0.address, $0.description) }),
            connections(plan), followUp(plan), cost(plan),
        ]
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "haloform plan"),
                .style(PlanHTMLPage.style)
            ),
            .body(
                .group(sections),
                .script(
                    .attribute(named: "type", value: "application/json"), .id("plan-data"), .raw(Self.data(groups))
                ),
                .script(.raw(PlanHTMLPage.script))
            )
        )
        return page.render()
    }

    private func header(_ plan: Plan) -> Node<HTML.BodyContext> {
        let deletes = plan.count(.delete)
        return .header(
            .h1("haloform plan"),
            .p(.id("summary"), .literal(PlanTextRenderer(color: false).summary(plan))),
            .if(
                deletes > 0,
                .p(.class("warning"), .literal("This plan destroys \(Quantity(deletes, "thing")) in Halo."))
            )
        )
    }

    private func counts(_ plan: Plan, _ groups: [ChangeGroup]) -> Node<HTML.BodyContext> {
        guard plan.hasChanges else { return .p(.class("none"), "No changes. Halo matches the configuration.") }
        let actions = PlannedChange.Action.allCases
        return .section(
            .id("counts"),
            .h2("Changes per integration and tenant"),
            .table(
                .thead(.tr(.th("where"), .forEach(actions) { .th(.literal(Self.heading($0))) }, .th("all"))),
                .tbody(
                    .forEach(groups.enumerated()) { index, group in
                        .tr(
                            .data(named: "group", value: String(index)),
                            .td(.code(.literal(group.name))),
                            .forEach(actions) { .td(.class("n"), .text(String(group.count($0)))) },
                            .td(.class("n"), .text(String(group.changes.count)))
                        )
                    }
                ),
                .tfoot(
                    .tr(
                        .th("all"),
                        .forEach(actions) { .td(.class("n"), .text(String(plan.count($0)))) },
                        .td(.class("n"), .text(String(plan.changes.count)))
                    )
                )
            )
        )
    }

    /// The groups, closed and empty: the script fills the ones it opens from the page's JSON.
    private func changes(_ plan: Plan, _ groups: [ChangeGroup]) -> Node<HTML.BodyContext> {
        guard plan.hasChanges else { return .empty }
        return .section(
            .id("changes"),
            .h2("Changes"),
            .div(
                .class("toolbar"),
                .label(
                    .text("Filter "), .input(.type(.search), .id("filter"), .placeholder("address, field or value"))
                ),
                .span(.id("shown"), .literal(Quantity(plan.changes.count, "change").description))
            ),
            .element(named: "noscript", nodes: [.p("The changes need JavaScript; haloform plan prints them as text.")]),
            .forEach(groups.enumerated()) { index, group in
                .details(
                    .class("group"),
                    .data(named: "group", value: String(index)),
                    .summary(
                        .code(.literal(group.name)),
                        .span(.class("tally"), .literal(Self.tally(group))),
                        .span(.class("count"))
                    ),
                    .div(.class("rows")),
                    .button(.class("more"), .attribute(named: "hidden"), .text("Show more"))
                )
            }
        )
    }

    /// A list of addressed notes (`warnings`, `drift`) under a heading; nothing when there are none.
    private func notes(
        _ id: String, _ title: String, _ notes: [(address: String, text: String)]
    ) -> Node<HTML.BodyContext> {
        guard !notes.isEmpty else { return .empty }
        return .section(
            .id(id),
            .h2(.literal(title)),
            .ul(.forEach(notes) { .li(.code(.literal($0.address)), .literal(": \($0.text)")) })
        )
    }

    private func connections(_ plan: Plan) -> Node<HTML.BodyContext> {
        guard !plan.connections.isEmpty else { return .empty }
        return .section(
            .id("connections"),
            .h2("Connections (only a person can fix these, in Halo)"),
            .ul(
                .forEach(plan.connections) { note in
                    .li(.code(.literal(note.tenant)), .literal(": \(note.message). Fix: \(note.fix)"))
                }
            )
        )
    }

    private func followUp(_ plan: Plan) -> Node<HTML.BodyContext> {
        guard !plan.followUp.isEmpty else { return .empty }
        return .section(
            .id("follow-up"),
            .h2("Then, in Halo (apply cannot do these)"),
            .forEach(plan.followUp) { followUp in
                .group(
                    .h3(.code(.literal(followUp.tenant))),
                    .ol(
                        .forEach(followUp.steps) { step in
                            .li(.literal(step.instruction), .p(.class("why"), .literal(step.reason)))
                        }
                    )
                )
            }
        )
    }

    private func cost(_ plan: Plan) -> Node<HTML.BodyContext> {
        guard plan.hasChanges, let cost = plan.cost else { return .empty }
        return .section(
            .id("cost"),
            .h2("What apply will cost"),
            .p(
                .literal(
                    "Apply will send \(Quantity(cost.applyRequests, "request")), taking at least "
                        + "\(PlanCost.duration(cost.minimumSeconds)) at the services' documented rate limits; "
                        + "this plan made \(Quantity(cost.planRequests, "request")).")
            ),
            .table(
                .thead(
                    .tr(
                        .th("system"), .th("the plan made"), .th("apply will send"), .th("documented limit"),
                        .th("at least")
                    )
                ),
                .tbody(
                    .forEach(cost.systems) { system in
                        .tr(
                            .td(.literal(system.name)),
                            .td(.class("n"), .text(String(system.planRequests))),
                            .td(.class("n"), .text(String(system.applyRequests))),
                            .td(.literal(PlanCost.limit(system))),
                            .td(.class("n"), .literal(PlanCost.duration(system.minimumSeconds)))
                        )
                    }
                )
            )
        )
    }

    /// `+ add`, `~ change`, `-/+ replace`, `- destroy`.
    private static func heading(_ action: PlannedChange.Action) -> String {
        let symbol = PlanTextRenderer.style(action).symbol
        switch action {
        case .create: return "\(symbol) add"
        case .update: return "\(symbol) change"
        case .replace: return "\(symbol) replace"
        case .delete: return "\(symbol) destroy"
        }
    }

    /// `+4000 ~1000`: the group's changes per action, the actions it has none of left out.
    private static func tally(_ group: ChangeGroup) -> String {
        PlannedChange.Action.allCases.compactMap { action in
            let count = group.count(action)
            return count == 0 ? nil : "\(PlanTextRenderer.style(action).symbol)\(count)"
        }.joined(separator: " ")
    }

    /// The groups' changes as compact JSON for the page's script: `{"groups":[{"name":…,"changes":[[action, address
    /// below the group, [[field, old, new, flags]]]]}]}`, the action an index into `PlannedChange.Action.allCases`,
    /// flags 1 for a sensitive field (its values are never in the plan) and 2 for one that forces a replacement.
    static func data(_ groups: [ChangeGroup]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(groups.reduce(0) { $0 + $1.changes.count } * 96 + 64)
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        func write(_ value: String?) {
            if let value { JSONWriter.writeString(value, to: &out) } else { raw("null") }
        }
        raw("{\"groups\":[")
        for (index, group) in groups.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"name\":")
            write(group.name)
            raw(",\"changes\":[")
            for (index, change) in group.changes.enumerated() {
                if index > 0 { raw(",") }
                out.append(UInt8(ascii: "["))
                out.append(UInt8(ascii: "0") + UInt8(PlannedChange.Action.allCases.firstIndex(of: change.action)!))
                raw(",")
                write(group.relativeAddress(of: change))
                raw(",[")
                for (index, field) in change.fields.enumerated() {
                    if index > 0 { raw(",") }
                    raw("[")
                    write(field.name)
                    raw(",")
                    write(field.sensitive ? nil : field.old)
                    raw(",")
                    write(field.sensitive ? nil : field.new)
                    raw(",")
                    out.append(UInt8(ascii: "0") + (field.sensitive ? 1 : 0) + (field.forcesReplacement ? 2 : 0))
                    raw("]")
                }
                raw("]]")
            }
            raw("]}")
        }
        raw("]}")
        // `<` occurs only inside JSON strings; written `\u003c` there, no value can close the script element
        // (`</script>`) or open a comment in it.
        var safe: [UInt8] = []
        safe.reserveCapacity(out.count + 64)
        for byte in out {
            if byte == UInt8(ascii: "<") { safe.append(contentsOf: #"\u003c"#.utf8) } else { safe.append(byte) }
        }
        return String(decoding: safe, as: UTF8.self)
    }
}

extension Node {
    /// Text shown exactly as given: Plot's `.text` keeps an `&name;` in its text as an entity, so `&` is escaped first.
    static func literal(_ text: String) -> Node {
        .text(text.replacingOccurrences(of: "&", with: "&amp;"))
    }
}
