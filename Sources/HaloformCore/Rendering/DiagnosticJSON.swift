import JSONText
import YAMLSyntax

/// Renders diagnostics as one JSON document, for CI annotations and editors.
public enum DiagnosticJSON {
    /// `{"diagnostics": [...], "errors": N, "warnings": N}` with 1-based positions.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let document: JSONValue = [
            "diagnostics": .array(diagnostics.map(value)),
            "errors": .int(errors),
            "warnings": .int(diagnostics.count - errors),
        ]
        return JSONWriter.pretty(document)
    }

    private static func value(_ diagnostic: Diagnostic) -> JSONValue {
        var object: JSONObject = [
            "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
        ]
        object.merge(place(diagnostic.range)) { $1 }
        object["notes"] = .array(
            diagnostic.notes.map { note in
                var noteObject: JSONObject = ["message": .string(note.message)]
                noteObject.merge(place(note.range)) { $1 }
                return .object(noteObject)
            })
        return .object(object)
    }

    private static func place(_ range: SourceRange?) -> JSONObject {
        guard let range else { return [:] }
        return [
            "file": .string(range.file),
            "line": .int(range.start.line), "column": .int(range.start.column),
            "end_line": .int(range.end.line), "end_column": .int(range.end.column),
        ]
    }
}
