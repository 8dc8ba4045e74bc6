import ArgumentParser
import Foundation
import HaloformCore

/// How a plan is shown.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}

/// Plan rendering for the CLI.
enum PlanOutput {
    /// Prints the plan in a format, colour only on a terminal; JSON as it is written, so large plans are never held whole
    /// as text.
    static func print(_ plan: Plan, format: PlanFormat) {
        switch format {
        case .text: Terminal.output(PlanTextRenderer(color: Terminal.wantsColor(1)).render(plan))
        case .json: PlanJSONRenderer().render(plan) { Terminal.output(bytes: $0) }
        case .markdown: Terminal.output(PlanMarkdownRenderer().render(plan))
        case .html: Terminal.output(PlanHTMLRenderer().render(plan))
        }
    }

    /// The plan as its versioned JSON document.
    static func json(_ plan: Plan) -> String {
        PlanJSONRenderer().render(plan)
    }
}
