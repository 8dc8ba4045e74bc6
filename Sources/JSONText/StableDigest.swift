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

    /// An array's digest from its elements' digests, in order.
    public static func array(_ elements: some Sequence<UInt64>) -> UInt64 {
        mixed(elements.reduce(mixed(7)) { adding($1, to: $0) })
    }

    /// One object member's share of its object's digest, from its key and its value's digest.
    public static func member(_ key: String, _ value: UInt64) -> UInt64 {
        mixed(adding(value, to: adding(key, to: basis)))
    }

    /// An object's digest from the sum of its members' shares (`member`): a sum, so member order does not count.
    public static func object(_ sum: UInt64) -> UInt64 {
        mixed(mixed(8) &+ sum)
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
        case .array(let items): return StableDigest.array(items.lazy.map(\.stableDigest))
        case .object(let object): return StableDigest.object(object.membersDigestSum)
        }
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The sum of the members' shares of an object's digest (`StableDigest.member`).
    public var membersDigestSum: UInt64 {
        reduce(0) { $0 &+ StableDigest.member($1.key, $1.value.stableDigest) }
    }
}
