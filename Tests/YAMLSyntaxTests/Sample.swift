import YAMLSyntax

/// Reads test inputs as the file `t.yaml` and renders what comes back, so tests compare whole errors.
enum Sample {
    /// The file name every sample is read as.
    static let file = "t.yaml"

    /// The error reading `text` throws, rendered with every note, or "no error".
    static func error(_ text: String) -> String {
        error(bytes: Array(text.utf8))
    }

    /// The error reading `bytes` throws, rendered with every note, or "no error".
    static func error(bytes: [UInt8]) -> String {
        do {
            _ = try YAMLReader.read(bytes, file: file)
            return "no error"
        } catch {
            return render(error)
        }
    }

    /// The root node of `text`, which must read.
    static func root(_ text: String) throws -> YAMLNode? {
        try YAMLReader.read(text, file: file)
    }

    /// `file:line:col: error: message`, then one `file:line:col: note: message` line per note.
    static func render(_ error: YAMLSyntaxError) -> String {
        var lines = ["\(error.range): error: \(error.message)"]
        for note in error.notes {
            lines.append("\(note.range): note: \(note.message)")
        }
        return lines.joined(separator: "\n")
    }
}
