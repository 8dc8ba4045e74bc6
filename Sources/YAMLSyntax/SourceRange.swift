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
