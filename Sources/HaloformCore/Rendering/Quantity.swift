/// A count with its noun in the right number: "1 change", "3 changes", "0 tenants".
public struct Quantity: CustomStringConvertible, Sendable {
    /// How many.
    public var count: Int
    /// The noun for one.
    public var singular: String
    /// The noun for any other count.
    public var plural: String

    /// A quantity of `singular`, whose plural is `plural` (by default `singular` + "s").
    public init(_ count: Int, _ singular: String, plural: String? = nil) {
        self.count = count
        self.singular = singular
        self.plural = plural ?? singular + "s"
    }

    public var description: String { "\(count) \(count == 1 ? singular : plural)" }
}
