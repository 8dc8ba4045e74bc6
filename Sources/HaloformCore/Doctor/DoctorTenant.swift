/// A declared tenant with what Halo and its accounting system hold for it, as the doctor needs it.
struct DoctorTenant {
    /// The tenant as declared.
    let config: TenantConfig
    /// Its Halo record, matched by name.
    let record: JSONObject?
    /// Its catalog, if one was read.
    let catalog: Catalog?
    /// The value customers' and products' link field holds for it: Exact's division, Business Central's company id, Sage's
    /// record id.
    let linkValue: String?
    /// The value a `/Tax` record's tenant field holds for it (Exact's division, Sage's record id).
    let taxOwner: Int?
    /// The accounting system's account codes, when its catalog has any.
    let accountCodes: Set<String>?

    init(_ config: TenantConfig, remote: RemoteState) {
        self.config = config
        let integration = config.integration
        record = remote[integration.detailsCollection].first { $0["name"]?.string == config.name.value }
        catalog = remote.catalogs[CatalogKey(integration, config.name.value)]
        switch integration {
        case .exactOnline:
            linkValue = config.division.map { String($0.value) }
            taxOwner = config.division?.value
        case .businessCentral:
            let companyID = record?[TenantField.companyID.haloField(integration)]?.string
            linkValue = companyID.flatMap { $0.isEmpty ? nil : $0 }
                ?? catalog?.companies.first { $0.code == config.company?.value }?.id
            taxOwner = nil
        case .sageBusinessCloud:
            linkValue = record?["id"]?.int.map(String.init)
            taxOwner = record?["id"]?.int
        }
        let codes = catalog?.accounts.map(\.code) ?? []
        accountCodes = codes.isEmpty ? nil : Set(codes)
    }

    var integration: Integration { config.integration }
    var address: String { config.address }
}

/// The declared tenants by the value records link them with.
struct TenantIndex {
    /// The tenants a record is linked to, or the link that matches none.
    struct Link {
        var tenants: [DoctorTenant] = []
        /// A link to a company of a declared integration that no declared tenant connects (`Exact Online division 9`).
        var stray: String?
    }

    private var byLink: [Integration: [String: DoctorTenant]] = [:]
    private var byAddress: [String: DoctorTenant] = [:]

    init(_ tenants: [DoctorTenant]) {
        for tenant in tenants {
            if let value = tenant.linkValue { byLink[tenant.integration, default: [:]][value] = tenant }
            byAddress[tenant.address] = tenant
        }
    }

    /// What a record is linked to, through its tenant fields and the mappings that name it; nil when it belongs only to
    /// integrations the config does not declare (not the doctor's business).
    func link(_ record: DoctorRecord, mappedIn places: [String], declared: Set<Integration>) -> Link? {
        var link = Link()
        var elsewhere = false
        func add(_ integration: Integration, _ value: String?, _ described: (String) -> String) {
            guard let value else { return }
            guard declared.contains(integration) else {
                elsewhere = true
                return
            }
            if let tenant = byLink[integration]?[value] {
                if !link.tenants.contains(where: { $0.address == tenant.address }) { link.tenants.append(tenant) }
            } else {
                link.stray = described(value)
            }
        }
        add(.exactOnline, record.exactDivision.map(String.init)) { "Exact Online division \($0)" }
        add(.businessCentral, record.businessCentralCompany) { "Business Central company \($0)" }
        add(.sageBusinessCloud, record.sageTenant.map(String.init)) { "Sage Business Cloud tenant record \($0)" }
        for place in places {
            if let tenant = byAddress[place], !link.tenants.contains(where: { $0.address == place }) { link.tenants.append(tenant) }
        }
        if !link.tenants.isEmpty { link.stray = nil }
        return link.tenants.isEmpty && link.stray == nil && elsewhere ? nil : link
    }
}
