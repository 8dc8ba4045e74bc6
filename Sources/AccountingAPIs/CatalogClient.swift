import HaloformCore
import ServiceTransport

/// Reads one tenant's catalog from its accounting system.
public protocol CatalogClient: Sendable {
    /// The tenant.
    var key: CatalogKey { get }
    /// The HTTP service the client talks through, for its request counts.
    var service: HTTPService { get }
    /// The companies, customers, item groups, tax codes, accounts and items the login can see.
    func catalog() async throws -> Catalog
}

/// Makes the right catalog client for a request.
public enum CatalogClients {
    /// A client for `request`'s integration; refuses a base URL that is not https or loopback.
    public static func make(_ request: CatalogRequest, context: AccountingContext) throws(ServiceError)
        -> any CatalogClient
    {
        switch request.key.integration {
        case .exactOnline: try ExactOnlineCatalogClient(request, context: context)
        case .businessCentral: try BusinessCentralCatalogClient(request, context: context)
        case .sageBusinessCloud: try SageCatalogClient(request, context: context)
        }
    }
}
