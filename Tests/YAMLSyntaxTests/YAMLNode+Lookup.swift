import YAMLSyntax

extension YAMLNode {
    /// The value under the scalar key `name`, for tests that walk into a mapping.
    subscript(_ name: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.value == name }?.value
    }

    /// The mapping's keys in order.
    var keys: [String] {
        mapping?.compactMap { $0.key.scalar?.value } ?? []
    }

    /// The scalar's text, or nil for a collection.
    var text: String? {
        scalar?.value
    }
}
