/// A failure the CLI reports in one line and exits 1 for.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
