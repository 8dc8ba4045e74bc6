import ServiceTransport

/// How a `HaloClient` pages and which HTTP discipline it follows.
public struct HaloClientConfiguration: Sendable {
    /// Records per page for the paged collections (`/Client`, `/Site`, `/Item`, `/Supplier`).
    public var pageSize: Int
    /// Timeouts, retries, budget and parallelism.
    public var http: HTTPServiceConfiguration

    /// A configuration as given; by default 1,000 a page and Halo's hosted budget.
    public init(pageSize: Int = 1000, http: HTTPServiceConfiguration = .halo) {
        self.pageSize = max(1, pageSize)
        self.http = http
    }
}
