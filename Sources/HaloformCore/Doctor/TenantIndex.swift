/// The declared tenants by the value records link them with.
struct TenantIndex {
    /// The tenants a record is linked to, or the link that matches none.
    struct Link {
        /// The declared tenants it is linked to, in the order found.
        var tenants: [DoctorTenant] = []
        /// A link to a company of a declared integration that no declared tenant connects (`Exact Online division 9`).
        var stray: String?
    }

    /// The declared tenants by integration and the value records link them with.
    private var byLink: [Integration: [String: DoctorTenant]] = [:]
    /// The declared tenants by integration and name.
    private var byKey: [CatalogKey: DoctorTenant] = [:]

    /// Indexes `tenants`.
    init(_ tenants: [DoctorTenant]) {
        for tenant in tenants {
            if let value = tenant.linkValue { byLink[tenant.integration, default: [:]][value] = tenant }
            byKey[tenant.key] = tenant
        }
    }

    /// What a record is linked to, through its tenant fields and the mappings that name it; nil when it belongs only to
    /// integrations the config does not declare (not the doctor's business).
    func link(_ record: DoctorRecord, mappedIn places: [CatalogKey], declared: Set<Integration>) -> Link? {
        var link = Link()
        var elsewhere = false
        func add(_ integration: Integration, _ value: String?, _ described: (String) -> String) {
            guard let value else { return }
            guard declared.contains(integration) else {
                elsewhere = true
                return
            }
            if let tenant = byLink[integration]?[value] {
                if !link.tenants.contains(where: { $0.key == tenant.key }) { link.tenants.append(tenant) }
            } else {
                link.stray = described(value)
            }
        }
        add(.exactOnline, record.exactDivision.map(String.init)) { "Exact Online division \($0)" }
        add(.businessCentral, record.businessCentralCompany) { "Business Central company \($0)" }
        add(.sageBusinessCloud, record.sageTenant.map(String.init)) { "Sage Business Cloud tenant record \($0)" }
        for place in places {
            if let tenant = byKey[place], !link.tenants.contains(where: { $0.key == place }) {
                link.tenants.append(tenant)
            }
        }
        if !link.tenants.isEmpty { link.stray = nil }
        return link.tenants.isEmpty && link.stray == nil && elsewhere ? nil : link
    }
}
