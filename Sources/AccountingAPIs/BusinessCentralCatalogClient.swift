import HaloformCore
import NIOHTTP1
import ServiceTransport

/// Business Central's catalog for one company of one environment: companies, customers, item categories,
/// accounts and items (no tax codes: its tax engine computes tax), read with Entra client credentials and
/// `@odata.nextLink` paging.
public struct BusinessCentralCatalogClient: CatalogClient {
    public let key: CatalogKey
    public let service: HTTPService
    private let request: CatalogRequest
    private let endpoints: AccountingEndpoints
    private let api: AuthorizedService

    /// The scope of a service-to-service token for Business Central's API.
    static let scope = "https://api.businesscentral.dynamics.com/.default"

    /// A client for a tenant.
    public init(_ request: CatalogRequest, context: AccountingContext) throws(ServiceError) {
        key = request.key
        self.request = request
        guard let clientID = request.clientID, !clientID.isEmpty else {
            throw AccountingEndpoints.missing("catalog.client_id", request)
        }
        guard let secret = request.clientSecret, !secret.isEmpty else {
            throw AccountingEndpoints.missing("catalog.client_secret", request)
        }
        guard request.company?.isEmpty == false else { throw AccountingEndpoints.missing("company", request) }
        let endpoints = try AccountingEndpoints(request)
        self.endpoints = endpoints
        let service = HTTPService(context.configuration(for: .businessCentral))
        self.service = service
        let grant = ClientCredentialsGrant(clientID: clientID, clientSecret: secret, scope: Self.scope)
        var headers: HTTPHeaders = ["OData-Version": "4.0"]
        if let size = context.pageSize { headers.add(name: "Prefer", value: "odata.maxpagesize=\(size)") }
        api = AuthorizedService(
            service: service,
            tokens: TokenCache(margin: 300, clock: context.clock) { _ in
                try await grant.fetch(tokenURL: endpoints.token, using: service)
            },
            extraHeaders: headers)
    }

    public func catalog() async throws -> Catalog {
        let companies = try await api.entries(
            "\(endpoints.api)/companies", .businessCentral, CatalogFields(id: "id", code: "name", name: "displayName"))
        let wanted = request.company ?? ""
        guard
            let company = companies.first(where: { $0.code == wanted })
                ?? companies.first(where: { $0.code.lowercased() == wanted.lowercased() })
        else {
            throw ServiceError(
                .configuration, service: service.configuration.name,
                message: "environment '\(request.environment ?? "")' has no company '\(wanted)' (it has: "
                    + companies.map { "'\($0.code)'" }.joined(separator: ", ") + ")")
        }
        let root = "\(endpoints.api)/companies(\(company.id))"
        let details =
            request.customerDetails
            ? CustomerDetailFields(vat: "taxRegistrationNumber", registration: nil, email: "email") : nil
        let customerFields = "id,number,displayName" + (details != nil ? ",taxRegistrationNumber,email" : "")
        async let customers = api.list(
            "\(root)/customers?$select=\(customerFields)", .businessCentral,
            CatalogFields(id: "id", code: "number", name: "displayName", details: details))
        async let groups = list("\(root)/itemCategories?$select=id,code,displayName", "code")
        async let accounts = list("\(root)/accounts?$select=id,number,displayName", "number")
        async let items = list("\(root)/items?$select=id,number,displayName", "number")
        let customerList = try await customers
        var catalog = Catalog(
            companies: companies, customers: customerList.entries, productGroups: try await groups, taxCodes: [],
            accounts: try await accounts, items: try await items)
        if details != nil { catalog.customerDetails = customerList.details }
        return catalog
    }

    private func list(_ url: String, _ code: String) async throws(ServiceError) -> [CatalogEntry] {
        try await api.entries(url, .businessCentral, CatalogFields(id: "id", code: code, name: "displayName"))
    }
}
