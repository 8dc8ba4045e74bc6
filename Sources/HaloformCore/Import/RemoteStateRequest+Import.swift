import JSONText

extension RemoteStateRequest {
    /// What import reads from Halo before it knows any tenant: every integration's records, `/Control`, `/Features`,
    /// tax rates, product groups, top levels and the customers' names. The catalogs follow from what these hold.
    public static func importing(from halo: HaloConnection) -> RemoteStateRequest {
        var collections: Set<HaloCollection> = [.features, .control, .tax, .assetGroup, .topLevel]
        for integration in Integration.allCases { collections.insert(integration.detailsCollection) }
        return RemoteStateRequest(halo: halo, collections: collections, includeClients: true, catalogs: [])
    }

    /// The catalogs import reads: one per tenant record Halo holds (the first of a doubled name), addressed by what
    /// the record holds (Exact's division and region, Business Central's Entra tenant, environment and company; Sage's
    /// lead business, as Halo keeps none), with haloform's own catalog app from `SecretNames`' variables unless `overrides` give one.
    public static func importCatalogs(
        for remote: RemoteState, environment: ConfigEnvironment, overrides: ServiceOverrides? = nil
    ) -> [CatalogRequest] {
        var requests: [CatalogRequest] = []
        for integration in Integration.allCases {
            var seen = Set<String>()
            for record in remote.tenants(integration) {
                guard let name = record.name, !name.isEmpty, seen.insert(name).inserted else { continue }
                var request = CatalogRequest(key: record.key)
                func text(_ field: TenantField) -> String? {
                    record[field]?.string.flatMap { $0.isEmpty ? nil : $0 }
                }
                if let override = overrides?.catalogs[integration] {
                    request.baseURL = override.baseURL
                    request.clientID = override.clientID
                    request.clientSecret = override.clientSecret
                    request.azureTenantID = override.azureTenantID
                } else {
                    request.clientID = environment.value(of: SecretNames.catalogClientID(integration))
                    request.clientSecret = environment.value(of: SecretNames.catalogClientSecret(integration))
                    request.azureTenantID = text(.azureTenantID)
                }
                switch integration {
                case .exactOnline:
                    request.exactLocation = text(.location)
                    request.exactDivision = record.division
                case .businessCentral:
                    request.environment = text(.environment)
                    request.company = text(.company)
                case .sageBusinessCloud:
                    // Halo keeps no Sage business: read the login's lead business (no X-Business), list them all.
                    break
                }
                requests.append(request)
            }
        }
        return requests
    }
}
