/// Finds an earlier pair with the same scalar key: by scanning a small mapping, through a dictionary in a large one.
///
/// Most mappings in a config hold a handful of keys, and a dictionary for each would cost
/// more than the scan; the index is built only once a mapping outgrows `scanLimit`.
struct MappingKeyIndex {
    /// How many pairs a mapping may hold before lookups go through the dictionary.
    static let scanLimit = 12

    /// Each scalar key's position in the pairs, once the mapping is past `scanLimit`.
    private var positions: [String: Int] = [:]

    /// The pair already in `pairs` whose key is the scalar `name`, if any.
    func earlier(_ name: String, in pairs: [YAMLPair]) -> YAMLPair? {
        if pairs.count <= Self.scanLimit {
            return pairs.first { $0.key.scalar?.value == name }
        }
        return positions[name].map { pairs[$0] }
    }

    /// Appends `pair`, whose key is not yet in `pairs`, and indexes it when the mapping is large.
    mutating func append(_ pair: YAMLPair, to pairs: inout [YAMLPair]) {
        pairs.append(pair)
        if pairs.count == Self.scanLimit + 1 {
            for (position, pair) in pairs.enumerated() {
                if let name = pair.key.scalar?.value { positions[name] = position }
            }
        } else if pairs.count > Self.scanLimit + 1, let name = pair.key.scalar?.value {
            positions[name] = pairs.count - 1
        }
    }
}
