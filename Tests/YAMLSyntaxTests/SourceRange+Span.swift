import YAMLSyntax

extension SourceRange {
    /// `file:line:col-line:col`, for tests that check where a range ends too.
    var span: String {
        "\(file):\(start)-\(end)"
    }
}
