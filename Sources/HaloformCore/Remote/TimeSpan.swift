/// A length of time as people write and read it: `7d`, `24h`, `30m`, `90s` in, "3 days" out.
public struct TimeSpan: Sendable, Hashable, Codable {
    /// Its length in seconds.
    public var seconds: Double

    /// A span of `seconds`.
    public init(seconds: Double) {
        self.seconds = seconds
    }

    /// A span of `days` days.
    public static func days(_ days: Double) -> TimeSpan { TimeSpan(seconds: days * 86_400) }

    /// Seconds per unit letter, as durations are written here and in `HALOFORM_CLOCK_OFFSET`.
    public static let units: [Character: Double] = ["d": 86_400, "h": 3600, "m": 60, "s": 1]

    /// The span a text names: a positive whole number followed by `d`, `h`, `m` or `s` (`7d`, `24h`, `30m`).
    public static func parse(_ text: String) -> Result<TimeSpan, TimeSpanError> {
        let trimmed = text.trimmingSpaces()
        guard let unit = trimmed.last.flatMap({ units[$0] }), trimmed.count > 1,
            let number = Int(trimmed.dropLast()), number > 0
        else { return .failure(TimeSpanError(text: text)) }
        return .success(TimeSpan(seconds: Double(number) * unit))
    }

    /// The span in the largest whole unit that fits: "3 days", "5 hours", "1 minute", "20 seconds".
    public var words: String {
        let magnitude = abs(seconds)
        for (size, unit) in [(86_400.0, "day"), (3600, "hour"), (60, "minute")] where magnitude >= size {
            return Quantity(Int(magnitude / size), unit).description
        }
        return Quantity(Int(magnitude), "second").description
    }
}

/// A duration that is not a positive number with a unit.
public struct TimeSpanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text given.
    public var text: String

    public var description: String {
        "'\(text)' is not a duration: write a positive whole number and a unit, d, h, m or s (7d, 24h, 30m)"
    }
}
