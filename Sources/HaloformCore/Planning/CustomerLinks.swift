/// The tenants each Halo customer is linked in, by customer id: nearly every customer is linked in one tenant only, so
/// that one is kept apart and a set is made only for the rare customer linked in more.
struct CustomerLinks {
    private var first: [Int: String]
    private var more: [Int: Set<String>] = [:]

    /// Prepares room for about `capacity` customers.
    init(capacity: Int = 0) {
        first = Dictionary(minimumCapacity: capacity)
    }

    /// Records that customer `id` is linked in the tenant at `address`.
    mutating func insert(_ id: Int, in address: String) {
        guard let existing = first[id] else {
            first[id] = address
            return
        }
        if existing != address { more[id, default: [existing]].insert(address) }
    }

    /// The customers linked in more than one tenant, by id, with those tenants' addresses sorted.
    var linkedTwice: [(id: Int, addresses: [String])] {
        more.keys.sorted().map { ($0, more[$0]!.sorted()) }
    }
}
