/// Finds an earlier pair with the same scalar key in the mapping being read: by scanning a small one, through a dictionary in a large one.
///
/// Most mappings in a config hold a handful of keys, and a dictionary for each would cost
/// more than the scan; the index is built only once a mapping outgrows `scanLimit`.
struct MappingKeyIndex {
    /// How many pairs a mapping may hold before lookups go through the dictionary.
    static let scanLimit = 12

    /// Each scalar key's position among the pairs, once the mapping is past `scanLimit`.
    private var positions: [String: Int] = [:]

    /// The pair already in the mapping whose key is the scalar `name`, if any.
    func earlier(_ name: String, in pairs: [YAMLPair]) -> YAMLPair? {
        if pairs.count <= Self.scanLimit {
            return pairs.first { $0.key.scalar?.value == name }
        }
        return positions[name].map { pairs[$0] }
    }

    /// Appends `pair`, whose key is not yet in the mapping, and indexes it when the mapping is large.
    mutating func append(_ pair: consuming YAMLPair, to pairs: inout [YAMLPair]) {
        let name = pair.key.scalar?.value
        pairs.append(pair)
        if pairs.count == Self.scanLimit + 1 {
            for position in pairs.indices {
                if let name = pairs[position].key.scalar?.value { positions[name] = position }
            }
        } else if pairs.count > Self.scanLimit + 1, let name {
            positions[name] = pairs.count - 1
        }
    }
}
