import JSONText

extension Planner {
    /// The declared tenants Halo holds whose connection stops or will soon stop their sync; none without a `now`.
    func connectionNotes() -> [ConnectionNote] {
        guard let now = options.now else { return [] }
        return config.declaredIntegrations.flatMap(\.tenants).compactMap { tenant in
            guard !newTenants.contains(tenant.address), let connection = connection(of: tenant, now: now) else {
                return nil
            }
            return ConnectionNote(tenant: tenant, connection: connection, now: now)
        }
    }

    /// Per tenant, what a person must do in Halo after `changes` are applied: connect a tenant apply creates (or one
    /// not connected), and run the imports that make changed mappings take effect.
    func followUps(after changes: [PlannedChange]) -> [FollowUp] {
        var remapped: [CatalogKey: Set<MappingKind>] = [:]
        for change in changes {
            if case .mapping(let tenant, let kind, _) = change.subject { remapped[tenant, default: []].insert(kind) }
        }
        return config.declaredIntegrations.flatMap(\.tenants).compactMap { tenant in
            let address = tenant.address
            let kind = tenant.integration
            let isNew = newTenants.contains(address)
            func changed(_ mappings: MappingKind, _ setting: TenantField) -> Bool {
                remapped[tenant.key]?.contains(mappings) == true
                    || changedSettings[tenant.key]?.contains(setting) == true
            }
            let customers =
                changed(.customer, .customerTopLevel)
                || isNew && (tenant.customers != nil || tenant.customerTopLevel != nil)
            let products =
                changed(.productGroup, .defaultProductGroup)
                || isNew && (tenant.productGroups != nil || tenant.defaultProductGroup != nil)
            let current = options.now.flatMap { connection(of: tenant, now: $0) }
            let unconnected = current?.blocksSync ?? false
            guard isNew || customers || products else { return nil }
            let page = HaloScreen.tenantPage(kind, tenant: tenant.name.value)
            var steps: [FollowUp.Step] = []
            if isNew || unconnected {
                steps.append(
                    FollowUp.Step(
                        action: .connect, instruction: "\(page): \(HaloScreen.connectAction(kind))",
                        reason: isNew
                            ? "apply creates the tenant's record, but only a person can connect it; nothing syncs or imports until then"
                            : current?.status == .expired
                                ? "its authorisation token has expired, so nothing syncs or imports until it is reconnected"
                                : "it is not connected, so nothing syncs or imports until it is"))
            }
            if customers {
                steps.append(
                    FollowUp.Step(
                        action: .importCustomers, instruction: "\(page): \(HaloScreen.importCustomers(kind))",
                        reason: Self.customerImportReason(kind)))
            }
            if products {
                steps.append(
                    FollowUp.Step(
                        action: .importProducts, instruction: "\(page): \(HaloScreen.importProducts(kind))",
                        reason: Self.productImportReason(kind)))
            }
            return FollowUp(tenant: address, integration: kind, steps: steps)
        }
    }

    /// A tenant's connection as its Halo record states it, nil when Halo holds no record for it.
    private func connection(of tenant: TenantConfig, now: Timestamp) -> TenantConnection? {
        remote.tenant(named: tenant.name.value, in: tenant.integration)?.connection(at: now)
    }

    private static func customerImportReason(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline:
            "the customer mappings take effect on the next import: \"Once the mappings are complete you can import your customers\""
        case .businessCentral:
            "\"Even if you are manually mapping customers, you must still perform an import, otherwise certain values will not be assigned to the customer record in Halo\""
        case .sageBusinessCloud:
            "the customer mappings take effect on the next import: \"After mapping, click the 'Import Customers' button\""
        }
    }

    private static func productImportReason(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline:
            "the group mappings decide where imported items go: \"when importing items from Exact they are imported under the selected product group in Halo\""
        case .businessCentral:
            "the group mappings apply to imported products: \"Once happy with the configuration, products can then be imported\""
        case .sageBusinessCloud:
            "\"These mappings are needed to ensure products are created in Halo correctly\""
        }
    }
}
