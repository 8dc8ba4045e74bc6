/// A 64-bit digest that is the same in every process and on every machine, unlike Swift's seeded `Hasher`: FNV-1a over
/// bytes and SplitMix64's finaliser to spread them. It detects change; it guards nothing secret.
public enum StableDigest {
    /// FNV-1a's offset basis.
    public static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    /// `hash` extended by the bytes of `text` and a separator, so that "ab" + "c" differs from "a" + "bc".
    public static func adding(_ text: String, to hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return (hash ^ 0x1ff) &* prime
    }

    /// `hash` extended by a 64-bit value.
    public static func adding(_ value: UInt64, to hash: UInt64) -> UInt64 {
        (hash ^ mixed(value)) &* prime
    }

    /// SplitMix64's finaliser: nearby values land far apart, so that sums of them do not cancel.
    public static func mixed(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

extension JSONValue {
    /// A stable digest of the value: equal values give equal digests, an object's whatever the order of its members
    /// (their digests are summed), with no text written and no key sorted.
    public var stableDigest: UInt64 {
        switch self {
        case .null: return StableDigest.mixed(1)
        case .bool(let flag): return StableDigest.mixed(flag ? 2 : 3)
        case .int(let number): return StableDigest.adding(UInt64(bitPattern: Int64(number)), to: StableDigest.mixed(4))
        case .double(let number): return StableDigest.adding(number.bitPattern, to: StableDigest.mixed(5))
        case .string(let text): return StableDigest.adding(text, to: StableDigest.mixed(6))
        case .array(let items):
            return StableDigest.mixed(
                items.reduce(StableDigest.mixed(7)) { StableDigest.adding($1.stableDigest, to: $0) })
        case .object(let object):
            let sum = object.reduce(StableDigest.mixed(8)) { sum, member in
                sum
                    &+ StableDigest.mixed(
                        StableDigest.adding(
                            member.value.stableDigest, to: StableDigest.adding(member.key, to: StableDigest.basis)))
            }
            return StableDigest.mixed(sum)
        }
    }
}
