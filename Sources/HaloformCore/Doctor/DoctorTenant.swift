import JSONText

/// A declared tenant with what Halo and its accounting system hold for it, as the doctor needs it.
struct DoctorTenant {
    /// The tenant as declared.
    let config: TenantConfig
    /// Its Halo record, matched by name.
    let record: TenantRecord?
    /// Its catalog, if one was read.
    let catalog: Catalog?
    /// The value customers' and products' link field holds for it: Exact's division, Business Central's company id, Sage's
    /// record id.
    let linkValue: String?
    /// The value a `/Tax` record's tenant field holds for it (Exact's division, Sage's record id).
    let taxOwner: Int?
    /// The accounting system's account codes, when its catalog has any.
    let accountCodes: Set<String>?

    /// Gathers what `remote` holds for the declared tenant.
    init(_ config: TenantConfig, remote: RemoteState) {
        self.config = config
        let integration = config.integration
        record = remote.tenant(named: config.name.value, in: integration)
        catalog = remote.catalogs[config.key]
        switch integration {
        case .exactOnline:
            // The declared division, which customers are linked by whether or not Halo's record holds it yet.
            linkValue = config.division.map { String($0.value) }
            taxOwner = config.division?.value
        case .businessCentral:
            linkValue = record?.companyID ?? catalog?.companies.first { $0.code == config.company?.value }?.id
            taxOwner = nil
        case .sageBusinessCloud:
            linkValue = record?.linkValue
            taxOwner = record?.id
        }
        let codes = catalog?.accounts.map(\.code) ?? []
        accountCodes = codes.isEmpty ? nil : Set(codes)
    }

    /// Its integration.
    var integration: Integration { config.integration }

    /// Whether the tenant cannot sync: a Sage tenant on a custom developer app (Sage sends it no webhooks), as the config
    /// or, when the config does not say, Halo's record has it.
    var cannotSync: Bool {
        guard integration == .sageBusinessCloud else { return false }
        return (config.authentication?.value ?? record?.authentication) == .customApp
    }

    /// Its integration and name, which its address is made of.
    var key: CatalogKey { config.key }
}
