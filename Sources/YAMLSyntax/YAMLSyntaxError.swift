/// A located problem that stops a YAML file from being read.
public struct YAMLSyntaxError: Error, Sendable, Hashable {
    /// A secondary location that explains the error, such as where an unclosed bracket opened.
    public struct Note: Sendable, Hashable {
        /// What the note says.
        public var message: String
        /// Where it points.
        public var range: SourceRange

        /// Creates a note.
        public init(_ message: String, at range: SourceRange) {
            self.message = message
            self.range = range
        }
    }

    /// What is wrong, lowercase, without a final period.
    public var message: String
    /// Where it is wrong.
    public var range: SourceRange
    /// Related places.
    public var notes: [Note]

    /// Creates an error.
    public init(_ message: String, at range: SourceRange, notes: [Note] = []) {
        self.message = message
        self.range = range
        self.notes = notes
    }
}
