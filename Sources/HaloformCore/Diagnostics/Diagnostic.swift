public import YAMLSyntax

/// A located problem found in a configuration, as a value: the core reports, the CLI prints.
public struct Diagnostic: Error, Sendable, Hashable {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// A related place that helps explain the diagnostic.
    public struct Note: Sendable, Hashable {
        /// What the note says.
        public var message: String
        /// Where it points, if anywhere.
        public var range: SourceRange?

        /// Creates a note.
        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// What is wrong: lowercase, names quoted, no final period.
    public var message: String
    /// Where it is wrong, if it has a place.
    public var range: SourceRange?
    /// Related places and hints.
    public var notes: [Note]
    /// Whether printing must leave out the source line, because it may hold a secret.
    public var hidesSource: Bool

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ message: String, at range: SourceRange?, notes: [Note] = [], hidesSource: Bool = false
    ) {
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.hidesSource = hidesSource
    }

    /// An error at a place.
    public static func error(_ message: String, at range: SourceRange?, notes: [Note] = [], hidesSource: Bool = false)
        -> Diagnostic
    {
        Diagnostic(.error, message, at: range, notes: notes, hidesSource: hidesSource)
    }

    /// A warning at a place.
    public static func warning(_ message: String, at range: SourceRange?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: range, notes: notes)
    }

    /// The diagnostic for a YAML syntax error.
    public init(_ error: YAMLSyntaxError) {
        self.init(.error, error.message, at: error.range, notes: error.notes.map { Note($0.message, at: $0.range) })
    }
}

extension [Diagnostic] {
    /// Whether any of them is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in reading order: by file, line and column; unplaced ones first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let l = lhs.element.range, r = rhs.element.range
            switch (l, r) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?):
                if l.file != r.file { return l.file < r.file }
                if l.start != r.start { return l.start < r.start }
                return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

/// Diagnostics that stop a stage, as an error a caller can throw or match.
public struct DiagnosticList: Error, Sendable {
    /// The problems, errors among them.
    public var diagnostics: [Diagnostic]

    /// Wraps diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
