/// A moment in UTC, in seconds since 1970, read from and written as the ISO-8601 date-times Halo's document types
/// `date-time` (`2024-09-13T10:00:00.000Z`): the pure core's notion of time, since it has no clock of its own.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Double

    /// The moment `seconds` after 1970-01-01T00:00:00Z.
    public init(secondsSince1970 seconds: Double) {
        secondsSince1970 = seconds
    }

    /// The moment an ISO-8601 date-time names (`2024-09-13T10:00:00Z`, with optional fraction and offset); one with
    /// no offset is taken as UTC, as Halo writes its dates. Nil for any other text.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, !range.isEmpty else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool {
            index < bytes.count && bytes[index] == character.asciiValue
        }
        guard let year = number(0..<4), byte(4, is: "-"), let month = number(5..<7), byte(7, is: "-"),
            let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(Self.days(year: year, month: month, day: day) * 86_400)
        var index = 10
        if byte(10, is: "T") || byte(10, is: " ") {
            guard let hour = number(11..<13), byte(13, is: ":"), let minute = number(14..<16), hour < 24, minute < 60
            else { return nil }
            seconds += Double(hour * 3600 + minute * 60)
            index = 16
            if byte(16, is: ":") {
                guard let second = number(17..<19), second < 61 else { return nil }
                seconds += Double(second)
                index = 19
                if byte(19, is: ".") {
                    var digits = 20
                    while digits < bytes.count, (48...57).contains(bytes[digits]) { digits += 1 }
                    guard digits > 20, let fraction = Double("0." + String(decoding: bytes[20..<digits], as: UTF8.self))
                    else { return nil }
                    seconds += fraction
                    index = digits
                }
            }
        }
        if byte(index, is: "Z") {
            index += 1
        } else if byte(index, is: "+") || byte(index, is: "-") {
            guard let hours = number(index + 1..<index + 3) else { return nil }
            var minutes = 0
            var end = index + 3
            if byte(end, is: ":") {
                guard let value = number(end + 1..<end + 3) else { return nil }
                minutes = value
                end += 3
            }
            let offset = Double(hours * 3600 + minutes * 60)
            seconds += byte(index, is: "+") ? -offset : offset
            index = end
        }
        guard index == bytes.count else { return nil }
        secondsSince1970 = seconds
    }

    /// The moment as `2024-09-13T10:00:00Z` (whole seconds).
    public var iso: String {
        let whole = Int(secondsSince1970.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : -((-whole + 86_399) / 86_400)
        let rest = whole - days * 86_400
        let (year, month, day) = Self.civil(days: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    public var description: String { iso }

    /// The moment `seconds` later.
    public func adding(seconds: Double) -> Timestamp {
        Timestamp(secondsSince1970: secondsSince1970 + seconds)
    }

    public static func < (left: Timestamp, right: Timestamp) -> Bool {
        left.secondsSince1970 < right.secondsSince1970
    }

    /// Read from its ISO-8601 text, as plans and reports write it.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let moment = Timestamp(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO-8601 date-time"))
        }
        self = moment
    }

    /// Written as its ISO-8601 text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // Howard Hinnant's days-from-civil and civil-from-days, for the proleptic Gregorian calendar. The sandbox keeps its
    // own copy (ISODate): it shares no code with the clients it stands in for, so a bug here cannot hide there.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
