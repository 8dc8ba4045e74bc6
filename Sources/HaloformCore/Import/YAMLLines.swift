/// Lines of YAML with two-space indents.
struct YAMLLines {
    private(set) var lines: [String] = []

    /// The schema comment every written file starts with: the schema written beside it.
    mutating func header() {
        lines.append("# yaml-language-server: $schema=\(ConfigWriter.schemaFileName)")
    }

    /// One line at an indent level, with an optional trailing comment.
    mutating func line(_ level: Int, _ text: String, comment: String? = nil) {
        let indent = String(repeating: "  ", count: level)
        lines.append(indent + text + (comment.map { "  # " + $0.replacingNewlines() } ?? ""))
    }

    /// The text, ending in a newline.
    var text: String { lines.joined(separator: "\n") + "\n" }
}

extension String {
    /// The text on one line, for a comment.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
