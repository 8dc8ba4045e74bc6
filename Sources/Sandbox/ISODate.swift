/// ISO-8601 dates without Foundation's formatters: civil-from-days arithmetic, UTC only.
enum ISODate {
    /// "2024-01-02T09:30:00.000Z" (or without the fraction).
    static func format(milliseconds: Int, fractional: Bool = true) -> String {
        let seconds = milliseconds / 1000
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let (year, month, day) = civil(days: days)
        func two(_ value: Int) -> String { String(value).leftPadded(to: 2, with: "0") }
        var text =
            "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        if fractional { text += "." + String(milliseconds % 1000).leftPadded(to: 3, with: "0") }
        return text + "Z"
    }

    /// Milliseconds since 1970 of "YYYY-MM-DD" or "YYYY-MM-DDThh:mm[:ss[.fff]][Z]"; nil when it is not a date.
    static func parse(_ text: String) -> Int? {
        let characters = Array(text.utf8)
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= characters.count else { return nil }
            var value = 0
            for byte in characters[from..<from + length] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), characters.count >= 10, characters[4] == 45, let month = number(5, 2),
            characters[7] == 45, let day = number(8, 2)
        else { return nil }
        var milliseconds = days(year: year, month: month, day: day) * 86_400_000
        if characters.count >= 16, characters[10] == 84 || characters[10] == 32, let hour = number(11, 2),
            let minute = number(14, 2)
        {
            milliseconds += (hour * 3600 + minute * 60) * 1000
            if let second = number(17, 2) { milliseconds += second * 1000 }
            if characters.count >= 23, characters[19] == 46, let fraction = number(20, 3) { milliseconds += fraction }
        }
        return milliseconds
    }

    private static func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
