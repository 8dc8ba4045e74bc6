/// What a person must still do in Halo for one tenant after apply: the steps the API cannot take.
public struct FollowUp: Sendable, Hashable, Decodable {
    /// One step, where to click and why.
    public struct Step: Sendable, Hashable, Decodable {
        /// What to do.
        public enum Action: String, Sendable, Hashable, Codable {
            case connect
            case importCustomers = "import_customers"
            case importProducts = "import_products"
        }

        /// What to do.
        public var action: Action
        /// Where and how, in the guide's words.
        public var instruction: String
        /// Why, quoting the guide where it says so.
        public var reason: String
    }

    /// The tenant's address.
    public var tenant: String
    /// Its integration.
    public var integration: Integration
    /// The steps, in the order to take them.
    public var steps: [Step]
}
