/// A small seeded generator (SplitMix64): the same seed gives the same ids, tokens and faults on every run.
struct StableRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from a seed.
    init(seed: UInt64) { state = seed }

    /// A generator seeded from a text, for ids that depend only on what they name.
    init(named name: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A version-4 GUID in lower case, "8-4-4-4-12".
    mutating func guid() -> String {
        let high = next()
        let low = next()
        let hex =
            (String(high, radix: 16).leftPadded(to: 16, with: "0")
                + String(low, radix: 16).leftPadded(to: 16, with: "0"))
        var chars = Array(hex)
        chars[12] = "4"
        chars[16] = ["8", "9", "a", "b"][Int(low >> 62)]
        let text = String(chars)
        func part(_ from: Int, _ length: Int) -> Substring {
            let start = text.index(text.startIndex, offsetBy: from)
            return text[start..<text.index(start, offsetBy: length)]
        }
        return "\(part(0, 8))-\(part(8, 4))-\(part(12, 4))-\(part(16, 4))-\(part(20, 12))"
    }

    /// 32 lower-case hex digits, the form of Sage ids.
    mutating func hex32() -> String {
        guid().replacingDashes()
    }

    /// An opaque token of URL-safe characters.
    mutating func token(length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
    }
}

extension String {
    /// The string without "-".
    func replacingDashes() -> String {
        String(filter { $0 != "-" })
    }
}
