import JSONText
import YAMLSyntax

/// Proposes mappings for what a config does not map yet, from Halo's customers and product groups and the tenants'
/// catalogs (with their customer details).
public struct MappingSuggester: Sendable {
    /// The config.
    public var config: Config
    /// Halo's product groups and top levels, the full `/Client` records under `records[.client]`, and the catalogs.
    public var state: RemoteState
    /// Proposals below this confidence (hundredths) are left out.
    public var minimumConfidence: Int

    /// Creates a suggester.
    public init(config: Config, state: RemoteState, minimumConfidence: Int = 60) {
        self.config = config
        self.state = state
        self.minimumConfidence = minimumConfidence
    }

    /// The Halo customers `/Client` records describe.
    public static func haloCustomers(_ records: [JSONObject]) -> [HaloCustomer] {
        records.compactMap { client in
            guard let name = client[ClientField.name.rawValue]?.string, !name.isEmpty else { return nil }
            let record = MatchRecord(
                key: name, name: name, vatNumber: client[ClientField.taxNumber.rawValue]?.string,
                email: client[ClientField.accountsEmail.rawValue]?.string)
            return HaloCustomer(
                record: record, id: client[ClientField.id.rawValue]?.int,
                topLevel: client[ClientField.topLevelID.rawValue]?.int,
                active: client[ClientField.inactive.rawValue]?.bool != true)
        }
    }

    /// Proposals and conflicts for every declared tenant.
    public func suggest() -> SuggestReport {
        let customers = Self.haloCustomers(state[.client])
        let groups = state.productGroups.map { MatchRecord(key: $0.name, name: $0.name) }
        let groupMatcher = RecordMatcher(candidates: groups, exclusive: false)
        var lists: [TenantSuggestions] = []
        for integration in config.declaredIntegrations {
            for tenant in integration.tenants {
                let catalog = state.catalogs[tenant.key] ?? Catalog()
                if let list = customerSuggestions(tenant, catalog: catalog, customers: customers) { lists.append(list) }
                if let list = groupSuggestions(tenant, catalog: catalog, matcher: groupMatcher) { lists.append(list) }
            }
        }
        return SuggestReport(lists: lists)
    }

    /// The Halo customers a tenant must map: active, under its top level (any, when it names none), mapped by no
    /// tenant of its integration, not let go by `unmapped_ok`.
    public func uncoveredCustomers(
        _ tenant: TenantConfig, customers: [HaloCustomer]
    ) -> [MatchRecord] {
        let topLevel = tenant.customerTopLevel.map { reference -> Int? in
            switch reference.value {
            case .id(let id): id
            case .name(let name): state.topLevels.first { $0.name == name }?.id
            }
        }
        // A Halo customer maps to one accounting customer per integration: one mapped by any tenant is covered.
        let lists = config.integrations[tenant.integration]?.tenants.compactMap(\.customers) ?? []
        var mapped: Set<String> = []
        var mappedIDs: Set<Int> = []
        for mapping in lists.flatMap(\.mappings) {
            switch mapping.halo.value {
            case .name(let name): mapped.insert(name)
            case .id(let id): mappedIDs.insert(id)
            }
        }
        let allowed = Set((tenant.customers?.unmappedOK ?? []).map(\.value))
        return customers.filter { entry in
            entry.active && !mapped.contains(entry.record.key) && !allowed.contains(entry.record.key)
                && !(entry.id.map(mappedIDs.contains) ?? false)
                && (topLevel == nil || entry.topLevel == topLevel!)
        }.map(\.record)
    }

    /// The tenant's item groups no group mapping names and `unmapped_ok` does not let go.
    public func uncoveredGroups(_ tenant: TenantConfig) -> [MatchRecord] {
        let list = tenant.productGroups
        let skipped = Set((list?.mappings ?? []).map(\.code.value) + (list?.unmappedOK ?? []).map(\.value))
        return (state.catalogs[tenant.key]?.productGroups ?? []).filter { !skipped.contains($0.code) }.map {
            MatchRecord(key: $0.code, name: $0.name)
        }
    }

    private func customerSuggestions(
        _ tenant: TenantConfig, catalog: Catalog, customers: [HaloCustomer]
    ) -> TenantSuggestions? {
        guard tenant.customers != nil || tenant.customerTopLevel != nil else { return nil }
        let details = Dictionary(catalog.customerDetails.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let candidates = catalog.customers.map { entry in
            let detail = details[entry.code]
            return MatchRecord(
                key: entry.code, name: entry.name, vatNumber: detail?.vatNumber,
                registrationNumber: detail?.registrationNumber, email: detail?.email)
        }
        var mapped: [String: String] = [:]
        for mapping in tenant.customers?.mappings ?? [] {
            mapped[mapping.code.value] =
                switch mapping.halo.value {
                case .name(let name): name
                case .id(let id): "halo_id \(id)"
                }
        }
        let outcome = RecordMatcher(candidates: candidates).match(
            uncoveredCustomers(tenant, customers: customers), mapped: mapped)
        let proposals = outcome.matches.filter { $0.confidence >= minimumConfidence }.map {
            MappingProposal(
                halo: $0.record.key, code: $0.candidate.key, codeName: $0.candidate.name, evidence: $0.evidence,
                confidence: $0.confidence)
        }
        return suggestions(tenant, .customers, tenant.customers, proposals: proposals, conflicts: outcome.conflicts)
    }

    private func groupSuggestions(
        _ tenant: TenantConfig, catalog: Catalog, matcher: RecordMatcher
    ) -> TenantSuggestions? {
        guard tenant.productGroups != nil || tenant.defaultProductGroup != nil else { return nil }
        let outcome = matcher.match(uncoveredGroups(tenant))
        let proposals = outcome.matches.filter { $0.confidence >= minimumConfidence }.map {
            MappingProposal(
                halo: $0.candidate.key, code: $0.record.key, codeName: $0.record.name, evidence: $0.evidence,
                confidence: $0.confidence)
        }
        return suggestions(
            tenant, .productGroups, tenant.productGroups, proposals: proposals, conflicts: outcome.conflicts)
    }

    private func suggestions(
        _ tenant: TenantConfig, _ list: SuggestedList, _ written: MappingList?, proposals: [MappingProposal],
        conflicts: [MatchConflict]
    ) -> TenantSuggestions? {
        guard !proposals.isEmpty || !conflicts.isEmpty else { return nil }
        let isWritten = written?.isWritten ?? false
        return TenantSuggestions(
            tenant: tenant.key, list: list, range: isWritten ? written!.range : tenant.range, listIsWritten: isWritten,
            items: written?.mappings.map(\.range) ?? [],
            proposals: proposals.sorted { ($0.halo, $0.code) < ($1.halo, $1.code) }, conflicts: conflicts)
    }
}
