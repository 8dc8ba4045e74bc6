import YAMLSyntax

/// Renders diagnostics as a compiler does: `file:line:col: error: message`, the source line, a caret, then notes.
public struct DiagnosticRenderer: Sendable {
    /// The text of each file, by path, for source lines.
    public var sources: [String: [UInt8]]
    /// Whether to colour the output with ANSI escapes.
    public var color: Bool

    /// Creates a renderer over the files the diagnostics point into.
    public init(sources: [String: [UInt8]], color: Bool) {
        self.sources = sources
        self.color = color
    }

    /// One diagnostic with its snippet and notes, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = headline(diagnostic.range, label: diagnostic.severity.rawValue, message: diagnostic.message)
        if let range = diagnostic.range, !diagnostic.hidesSource {
            out += snippet(range)
        }
        for note in diagnostic.notes {
            out += headline(note.range, label: "note", message: note.message)
            if let range = note.range, !diagnostic.hidesSource { out += snippet(range) }
        }
        return out
    }

    /// The closing count: "2 errors, 1 warning".
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(Quantity(errors, "error")), \(Quantity(warnings, "warning"))"
    }

    private func headline(_ range: SourceRange?, label: String, message: String) -> String {
        let place = range.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? ""
        let styled: String
        switch label {
        case "error": styled = paint("error:", "1;31")
        case "warning": styled = paint("warning:", "1;35")
        default: styled = paint("note:", "1;36")
        }
        return paint(place, "1") + styled + " " + paint(message, "1") + "\n"
    }

    /// The source line of `range` and a caret line under it, `^` at the start and `~` to its end on that line.
    private func snippet(_ range: SourceRange) -> String {
        guard let bytes = sources[range.file], let line = Self.line(range.start.line, of: bytes) else { return "" }
        let scalars = Array(line.unicodeScalars)
        let start = min(max(range.start.column - 1, 0), scalars.count)
        let end =
            range.end.line == range.start.line
            ? min(max(range.end.column - 1, start + 1), scalars.count) : scalars.count
        // Keep tabs in the padding so the caret lines up however the terminal expands them.
        let padding = String(String.UnicodeScalarView(scalars[..<start].map { $0 == "\t" ? "\t" : " " }))
        let marker = "^" + String(repeating: "~", count: max(0, end - start - 1))
        return line + "\n" + padding + paint(marker, "1;32") + "\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Line `number` (1-based) of a file, without its line break.
    static func line(_ number: Int, of bytes: [UInt8]) -> String? {
        var current = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if current == number { return String(decoding: bytes[start..<index], as: UTF8.self).trimmingSuffix("\r") }
            current += 1
            start = index + 1
        }
        return current == number && start <= bytes.count ? String(decoding: bytes[start...], as: UTF8.self) : nil
    }
}

extension String {
    /// The string without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
