import JSONText

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
        record = remote[integration.detailsCollection].first { $0[.name, of: integration]?.string == config.name.value }
        catalog = remote.catalogs[CatalogKey(integration, config.name.value)]
        switch integration {
        case .exactOnline:
            linkValue = config.division.map { String($0.value) }
            taxOwner = config.division?.value
        case .businessCentral:
            let companyID = record?[.companyID, of: integration]?.string
            linkValue = companyID.flatMap { $0.isEmpty ? nil : $0 }
                ?? catalog?.companies.first { $0.code == config.company?.value }?.id
            taxOwner = nil
        case .sageBusinessCloud:
            linkValue = record?[.id, of: integration]?.int.map(String.init)
            taxOwner = record?[.id, of: integration]?.int
        }
        let codes = catalog?.accounts.map(\.code) ?? []
        accountCodes = codes.isEmpty ? nil : Set(codes)
    }

    var integration: Integration { config.integration }

    /// Whether the tenant cannot sync: a Sage tenant on a custom developer app (Sage sends it no webhooks), as the config
    /// or, when the config does not say, Halo's record has it.
    var cannotSync: Bool {
        guard integration == .sageBusinessCloud else { return false }
        if let authentication = config.authentication?.value { return authentication == .customApp }
        return record?[.authentication, of: integration]?.bool == false
    }
    var address: String { config.address }
}
