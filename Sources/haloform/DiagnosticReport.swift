import HaloformCore

/// Prints diagnostics: compiler-style text on stderr, or one JSON document on stdout.
struct DiagnosticReport {
    /// What to print.
    let diagnostics: [Diagnostic]
    /// The files they point into, for source lines.
    let files: [SourceFile]

    /// Prints in the chosen format; text prints nothing for no diagnostics.
    func print(format: OutputFormat) {
        switch format {
        case .text:
            guard !diagnostics.isEmpty else { return }
            let renderer = DiagnosticRenderer(
                sources: Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { $1 }),
                color: Terminal.wantsColor(2)
            )
            Terminal.error(diagnostics.map(renderer.render).joined() + DiagnosticRenderer.summary(diagnostics) + "\n")
        case .json:
            Terminal.output(DiagnosticJSON.render(diagnostics) + "\n")
        }
    }
}
