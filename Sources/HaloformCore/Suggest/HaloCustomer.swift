/// A Halo customer as `suggest` and the coverage rules see it.
public struct HaloCustomer: Sendable, Hashable {
    /// Its name (the key a mapping writes), VAT number and accounts e-mail.
    public var record: MatchRecord
    /// Its Halo id.
    public var id: Int?
    /// The top level it sits under.
    public var topLevel: Int?
    /// Whether it is active.
    public var active: Bool
}
