import YAMLSyntax

/// Adds proposals to the files of a config root as text: each list gets its new lines after its last entry, at its
/// entries' indent, with a `# suggest:` comment; nothing else in the file moves, so comments, order and anchors stay.
public enum SuggestWriter {
    /// The files `report` changes, edited, or the located reasons a list cannot be written to (nothing is then
    /// changed).
    public static func write(_ report: SuggestReport, into files: [SourceFile]) -> Result<[SourceFile], DiagnosticList>
    {
        var insertions: [String: [(after: Int, lines: [String])]] = [:]
        var diagnostics: [Diagnostic] = []
        for list in report.lists where !list.proposals.isEmpty {
            guard let file = files.first(where: { $0.path == list.range.file }) else { continue }
            let lines = String(decoding: file.bytes, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false)
            switch place(list, lines: lines) {
            case .success(let (after, indent)):
                let new = list.proposals.map { proposal in
                    indent + "- "
                        + SuggestRenderer.line(proposal, list: list.list, integration: list.tenant.integration)
                        + "  # " + SuggestRenderer.comment(proposal)
                }
                insertions[file.path, default: []].append((after, new))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        if !diagnostics.isEmpty { return .failure(DiagnosticList(diagnostics)) }
        return .success(
            files.compactMap { file in
                guard let edits = insertions[file.path] else { return nil }
                var lines = String(decoding: file.bytes, as: UTF8.self).split(
                    separator: "\n", omittingEmptySubsequences: false
                )
                .map(String.init)
                // From the bottom up, so that earlier line numbers stay true.
                for edit in edits.sorted(by: { $0.after > $1.after }) {
                    lines.insert(contentsOf: edit.lines, at: edit.after)
                }
                return SourceFile(path: file.path, text: lines.joined(separator: "\n"))
            })
    }

    /// The line (0-based count of lines kept above) after which a list's new entries go, and their indent.
    private static func place(_ list: TenantSuggestions, lines: [Substring]) -> Result<(Int, String), Diagnostic> {
        let key = list.list == .customers ? "mappings" : "group_mappings"
        guard list.listIsWritten else {
            return .failure(
                .error(
                    "\(list.tenant) writes no '\(key)' list for suggest --write to add to",
                    at: list.range,
                    notes: [
                        .init("add '\(key):' as a block list (one '- { … }' a line), or paste the output of suggest")
                    ]))
        }
        func text(_ line: Int) -> Substring { line >= 1 && line <= lines.count ? lines[line - 1] : "" }
        func indent(_ line: Substring) -> String { String(line.prefix { $0 == " " }) }
        let start = list.range.start
        let opening = text(start.line).unicodeScalars.dropFirst(start.column - 1).first
        if opening == "[" || opening == "{" {
            return .failure(
                .error(
                    "'\(key)' of \(list.tenant) is a flow list, which suggest --write does not add to", at: list.range,
                    notes: [.init("write it as a block list (one '- { … }' a line), or paste the output of suggest")]))
        }
        guard let first = list.items.first, let last = list.items.max(by: { $0.end < $1.end }) else {
            // An empty `mappings:`: entries go below the key, two spaces further in.
            return .success((start.line, indent(text(start.line)) + "  "))
        }
        var after = last.end.line
        // A block entry ends where the next token starts: step back to the entry's own last line.
        if text(after).prefix(last.end.column - 1).allSatisfy({ $0 == " " }) { after -= 1 }
        while after > first.start.line, text(after).allSatisfy({ $0 == " " }) { after -= 1 }
        return .success((after, indent(text(first.start.line))))
    }
}
