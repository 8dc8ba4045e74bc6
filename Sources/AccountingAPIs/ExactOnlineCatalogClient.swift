import HaloformCore
import JSONText
import ServiceTransport

/// Exact Online's catalog for one division: divisions, accounts, item groups, items, GL accounts and VAT codes,
/// read with a rotating refresh token, `__next` paging and Exact's per-minute budget.
public struct ExactOnlineCatalogClient: CatalogClient {
    public let key: CatalogKey
    public let service: HTTPService
    private let request: CatalogRequest
    private let endpoints: AccountingEndpoints
    private let api: AuthorizedService

    /// Exact refuses a refresh within 570 s of the last one.
    static let minimumRefreshAge: Double = 570

    /// A client for a tenant.
    public init(_ request: CatalogRequest, context: AccountingContext) throws(ServiceError) {
        key = request.key
        self.request = request
        let connection = try RotatingRefreshConnection(
            request, context: context, minimumRefreshAge: Self.minimumRefreshAge)
        endpoints = connection.endpoints
        service = connection.service
        api = connection.api
    }

    public func catalog() async throws -> Catalog {
        let division = try await currentDivision()
        let root = "\(endpoints.api)/\(division)"
        async let companies = list("\(root)/system/Divisions?$select=Code,Description", "Code", "Code", "Description")
        // Accounts and items can run to thousands: Exact's bulk endpoints page 1,000 at a time instead of 60, which
        // matters under its 60-requests-a-minute budget.
        let details =
            request.customerDetails
            ? CustomerDetailFields(vat: "VATNumber", registration: "ChamberOfCommerce", email: "Email") : nil
        let customerFields = "ID,Code,Name" + (details != nil ? ",VATNumber,ChamberOfCommerce,Email" : "")
        async let customers = api.list(
            "\(root)/bulk/CRM/Accounts?$select=\(customerFields)", .exactOnline,
            CatalogFields(id: "ID", code: "Code", name: "Name", details: details))
        async let groups = list("\(root)/logistics/ItemGroups?$select=ID,Code,Description", "ID", "Code", "Description")
        async let taxes = list("\(root)/vat/VATCodes?$select=ID,Code,Description", "ID", "Code", "Description")
        async let accounts = list(
            "\(root)/financial/GLAccounts?$select=ID,Code,Description", "ID", "Code", "Description")
        async let items = list("\(root)/bulk/Logistics/Items?$select=ID,Code,Description", "ID", "Code", "Description")
        let customerList = try await customers
        var catalog = Catalog(
            companies: try await companies, customers: customerList.entries, productGroups: try await groups,
            taxCodes: try await taxes, accounts: try await accounts, items: try await items)
        if details != nil { catalog.customerDetails = customerList.details }
        return catalog
    }

    /// The configured division, else the login's current one (`/current/Me`).
    private func currentDivision() async throws(ServiceError) -> Int {
        if let division = request.exactDivision { return division }
        let me = try await api.getJSON("\(endpoints.api)/current/Me?$select=CurrentDivision")
        guard let division = ListEnvelope.exactOnline.firstRecord(in: me)?["CurrentDivision"]?.int else {
            throw ServiceError(
                .invalidResponse, service: service.configuration.name, message: "/current/Me names no division")
        }
        return division
    }

    private func list(_ url: String, _ id: String, _ code: String, _ name: String) async throws(ServiceError)
        -> [CatalogEntry]
    {
        try await api.entries(url, .exactOnline, CatalogFields(id: id, code: code, name: name))
    }
}
