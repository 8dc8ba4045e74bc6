/// A field haloform relies on that Halo's published API document does not show, and why it relies on it anyway.
public struct HaloAssumption: Sendable, Hashable {
    /// The path the field is read from or written to (`/Client`).
    public let endpoint: String
    /// The field.
    public let field: String
    /// Why haloform relies on it.
    public let reason: String
}
