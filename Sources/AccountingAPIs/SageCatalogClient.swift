import HaloformCore
import NIOHTTP1
import ServiceTransport

/// Sage Business Cloud Accounting's catalog for one business: businesses, customer contacts, catalog item types,
/// tax rates, ledger accounts, products and services, read with a rotating refresh token, `X-Business` and
/// 200 full records a page.
public struct SageCatalogClient: CatalogClient {
    public let key: CatalogKey
    public let service: HTTPService
    private let request: CatalogRequest
    private let endpoints: AccountingEndpoints
    private let api: AuthorizedService

    /// Sage's largest page.
    static let maximumPageSize = 200
    private let pageSize: Int

    /// A client for a tenant.
    public init(_ request: CatalogRequest, context: AccountingContext) throws(ServiceError) {
        key = request.key
        self.request = request
        pageSize = min(Self.maximumPageSize, context.pageSize ?? Self.maximumPageSize)
        let connection = try RotatingRefreshConnection(request, context: context, minimumRefreshAge: nil)
        endpoints = connection.endpoints
        service = connection.service
        api = connection.api
    }

    public func catalog() async throws -> Catalog {
        let businesses = try await api.entries(
            "\(endpoints.api)/businesses?items_per_page=\(pageSize)", .sage,
            CatalogFields(id: "id", code: "name", name: "displayed_as")
        ).map { entry in
            CatalogEntry(id: entry.id, code: entry.code.isEmpty ? entry.name : entry.code, name: entry.name)
        }
        var scoped = api
        if let wanted = request.business, !wanted.isEmpty {
            guard
                let business = businesses.first(where: { $0.code == wanted || $0.name == wanted || $0.id == wanted })
                    ?? businesses.first(where: { $0.code.lowercased() == wanted.lowercased() })
            else {
                throw ServiceError(
                    .configuration, service: service.configuration.name,
                    message: "the login reaches no business '\(wanted)' (it reaches: "
                        + businesses.map { "'\($0.code)'" }.joined(separator: ", ") + ")")
            }
            scoped.extraHeaders.replaceOrAdd(name: "X-Business", value: business.id)
        }
        let list = Lister(api: scoped, root: endpoints.api, pageSize: pageSize)
        let details =
            request.customerDetails
            ? CustomerDetailFields(vat: "tax_number", registration: nil, email: "email") : nil
        async let customers = list.list(
            "contacts?contact_type_id=CUSTOMER",
            CatalogFields(id: "id", code: "reference", name: "name", details: details))
        async let groups = list.entries("catalog_item_types", code: "id", name: "displayed_as")
        async let taxes = list.entries("tax_rates", code: "id", name: "name")
        async let accounts = list.entries("ledger_accounts", code: "nominal_code", name: "name")
        async let products = list.entries("products", code: "item_code", name: "description")
        async let services = list.entries("services", code: "item_code", name: "description")
        let customerList = try await customers
        var catalog = Catalog(
            companies: businesses, customers: customerList.entries, productGroups: try await groups,
            taxCodes: try await taxes, accounts: try await accounts, items: try await products + services)
        if details != nil { catalog.customerDetails = customerList.details }
        return catalog
    }

    /// Reads one list of full records (`attributes=all`), 200 a page unless told fewer.
    private struct Lister: Sendable {
        let api: AuthorizedService
        let root: String
        let pageSize: Int

        func entries(_ path: String, code: String, name: String) async throws(ServiceError) -> [CatalogEntry] {
            try await list(path, CatalogFields(id: "id", code: code, name: name)).entries
        }

        func list(_ path: String, _ fields: CatalogFields) async throws(ServiceError) -> ListEnvelope.Page {
            let separator = path.contains("?") ? "&" : "?"
            return try await api.list(
                "\(root)/\(path)\(separator)attributes=all&items_per_page=\(pageSize)", .sage, fields)
        }
    }
}
