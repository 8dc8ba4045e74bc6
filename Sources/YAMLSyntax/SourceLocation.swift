/// A 1-based line and column in a source file; columns count Unicode scalars, as libyaml does.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a location from 1-based line and column numbers.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A stretch of a named source file, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as the user named it.
    public var file: String
    /// Where the range starts.
    public var start: SourceLocation
    /// Where the range ends.
    public var end: SourceLocation

    /// Creates a range in `file`.
    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// Creates an empty range at one location.
    public init(file: String, at location: SourceLocation) {
        self.init(file: file, start: location, end: location)
    }

    public var description: String { "\(file):\(start)" }
}
