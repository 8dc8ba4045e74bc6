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
