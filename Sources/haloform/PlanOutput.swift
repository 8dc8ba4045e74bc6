import ArgumentParser
import Foundation
import HaloformCore

/// How a plan is shown.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

/// Plan rendering for the CLI.
enum PlanOutput {
    /// The plan in a format, colour only on a terminal.
    static func render(_ plan: Plan, format: PlanFormat) -> String {
        switch format {
        case .text: PlanTextRenderer(color: Terminal.wantsColor(1)).render(plan)
        case .json: json(plan)
        case .markdown: PlanMarkdownRenderer().render(plan)
        }
    }

    /// The plan as its versioned JSON document.
    static func json(_ plan: Plan) -> String {
        PlanJSONRenderer().render(plan)
    }
}
