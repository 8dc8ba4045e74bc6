/// Finds an earlier pair with the same scalar key in the mapping being read: by scanning a small one, through a dictionary in a large one.
///
/// The mapping's pairs are the tail of a stack shared by all open mappings, from `base` on.
/// Most mappings in a config hold a handful of keys, and a dictionary for each would cost
/// more than the scan; the index is built only once a mapping outgrows `scanLimit`.
struct MappingKeyIndex {
    /// How many pairs a mapping may hold before lookups go through the dictionary.
    static let scanLimit = 12

    /// Where the mapping's pairs start in the stack.
    let base: Int
    /// Each scalar key's position in the stack, once the mapping is past `scanLimit`.
    private var positions: [String: Int] = [:]

    /// Creates the index of a mapping whose pairs start at `base`.
    init(base: Int) {
        self.base = base
    }

    /// The pair already in the mapping whose key is the scalar `name`, if any.
    func earlier(_ name: String, in stack: [YAMLPair]) -> YAMLPair? {
        if stack.count - base <= Self.scanLimit {
            return stack[base...].first { $0.key.scalar?.value == name }
        }
        return positions[name].map { stack[$0] }
    }

    /// Appends `pair`, whose key is not yet in the mapping, and indexes it when the mapping is large.
    mutating func append(_ pair: YAMLPair, to stack: inout [YAMLPair]) {
        stack.append(pair)
        let count = stack.count - base
        if count == Self.scanLimit + 1 {
            for position in base..<stack.count {
                if let name = stack[position].key.scalar?.value { positions[name] = position }
            }
        } else if count > Self.scanLimit + 1, let name = pair.key.scalar?.value {
            positions[name] = stack.count - 1
        }
    }
}
