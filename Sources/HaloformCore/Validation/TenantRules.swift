/// Rules about an integration's tenants: unique names and companies, a real default tenant, credentials.
enum TenantRules {
    static func check(_ integration: IntegrationConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let key = integration.integration.key
        Duplicates.find(in: integration.tenants, key: { $0.name.value }) { tenant, first in
            diagnostics.append(
                .error(
                    "tenant '\(tenant.name.value)' is declared twice in \(key)",
                    at: tenant.name.range,
                    notes: [.init("first declared here", at: first.name.range)]
                ))
        }
        Duplicates.find(in: integration.tenants, key: companyIdentity) { tenant, first in
            diagnostics.append(
                .error(
                    "tenants '\(first.name.value)' and '\(tenant.name.value)' connect the same \(companyNoun(integration.integration)); Halo keeps one connection per company",
                    at: tenant.range,
                    notes: [.init("'\(first.name.value)' is declared here", at: first.range)]
                ))
        }
        if let defaultTenant = integration.defaultTenant {
            let names = integration.tenants.map(\.name.value)
            if !names.contains(defaultTenant.value) {
                diagnostics.append(
                    .error(
                        "default_tenant '\(defaultTenant.value)' is not a tenant of \(key)\(Suggestion.phrase(for: defaultTenant.value, among: names))",
                        at: defaultTenant.range,
                        notes: names.isEmpty
                            ? [.init("\(key) declares no tenants")]
                            : [.init("the tenants are: \(names.joined(separator: ", "))")]
                    ))
            }
        }
        if integration.enabled?.value == false, !integration.tenants.isEmpty {
            diagnostics.append(
                .warning(
                    "\(key) is disabled, so its \(Quantity(integration.tenants.count, "tenant")) will not sync",
                    at: integration.enabled!.range
                ))
        }
        if let legacy = integration.legacyIntegration, legacy.value, !integration.tenants.isEmpty {
            diagnostics.append(
                .warning(
                    "\(key) turns on the legacy integration, whose setup haloform does not manage; its \(Quantity(integration.tenants.count, "tenant")) belong to the current one",
                    at: legacy.range,
                    notes: [
                        .init(
                            "the Business Central guide: \"The legacy version of this integration can be enabled in Configuration > Integrations > Dynamics Business Central.\""
                        )
                    ]
                ))
        }
        if integration.integration == .sageBusinessCloud {
            for tenant in integration.tenants where tenant.authentication?.value == .customApp {
                for (name, value) in [("client_id", tenant.clientID), ("client_secret", tenant.clientSecret)]
                where value == nil {
                    diagnostics.append(
                        .error(
                            "tenant '\(tenant.name.value)' uses custom_app but gives no '\(name)'",
                            at: tenant.authentication!.range))
                }
            }
        }
        for tenant in integration.tenants {
            if let user = tenant.catalogUser, let problem = userProblem(user.value) {
                diagnostics.append(.error("tenant '\(tenant.name.value)': catalog.user \(problem)", at: user.range))
            }
        }
        return diagnostics
    }

    /// What is wrong with a `catalog.user`, if anything: it names an account, so it is one word.
    private static func userProblem(_ user: String) -> String? {
        if user.isEmpty { return "is empty; name the account `haloform login` signs in as, or leave the key out" }
        if user.contains(where: \.isWhitespace) { return "'\(user)' contains a space; an account name is one word" }
        if user.count > 254 { return "is longer than 254 characters" }
        return nil
    }

    /// What identifies the company a tenant connects: Exact's division, BC's environment and company, Sage's business.
    private static func companyIdentity(_ tenant: TenantConfig) -> String? {
        switch tenant.integration {
        case .exactOnline: tenant.division.map { "\($0.value)" }
        case .businessCentral: tenant.environment.flatMap { env in tenant.company.map { "\(env.value)/\($0.value)" } }
        case .sageBusinessCloud: tenant.business?.value
        }
    }

    private static func companyNoun(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: "division"
        case .businessCentral: "environment and company"
        case .sageBusinessCloud: "business"
        }
    }
}
