/// Strings written as YAML scalars: plain where every YAML reader reads the same string back, double-quoted otherwise.
public enum YAMLScalarText {
    /// Plain words YAML 1.1 or 1.2 reads as null or a boolean.
    private static let reservedWords: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]
    /// Characters that start something else when they open a plain scalar.
    private static let indicators: Set<Character> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]
    /// Characters that end a plain scalar inside `{ … }` or `[ … ]`.
    private static let flowIndicators: Set<Character> = [",", "[", "]", "{", "}"]

    /// `text` as a scalar: plain when safe; `inFlow` for a value inside `{ … }` or `[ … ]`.
    public static func string(_ text: String, inFlow: Bool = false) -> String {
        isPlainSafe(text, inFlow: inFlow) ? text : quoted(text)
    }

    /// `text` in double quotes, escaped: always read back as this string, whatever it looks like.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out +=
                    scalar.value <= 0xFF
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether `text` reads back as itself, a string, when written plain.
    private static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first == " " || last == " " || last == ":" || indicators.contains(first) { return false }
        // Anything opening like a number (1e3, 0x1F, 2024-01-02, .5, +1, 12:30) is quoted rather than second-guessed.
        if first.isNumber || first == "." || first == "+" { return false }
        if reservedWords.contains(text.lowercased()) || text.lowercased().hasPrefix(".") { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("${") { return false }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0xFEFF
                || scalar.value == 0x2028 || scalar.value == 0x2029
            {
                return false
            }
        }
        if inFlow && text.contains(where: flowIndicators.contains) { return false }
        return true
    }
}
