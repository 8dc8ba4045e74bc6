public import YAMLSyntax

/// A whole configuration root, decoded: what the user declared, with every value's location.
public struct Config: Sendable, Hashable {
    /// The `halo:` block, if any file gives one.
    public var halo: HaloSettings?
    /// The declared integrations; an absent one is never touched.
    public var integrations: [Integration: IntegrationConfig]
    /// The `billing:` block, if any file gives one; absent, Halo's billing settings are never touched.
    public var billing: BillingSettings?

    /// Creates a config.
    public init(
        halo: HaloSettings? = nil, integrations: [Integration: IntegrationConfig] = [:], billing: BillingSettings? = nil
    ) {
        self.halo = halo
        self.integrations = integrations
        self.billing = billing
    }

    /// The declared integrations in their fixed order.
    public var declaredIntegrations: [IntegrationConfig] {
        Integration.allCases.compactMap { integrations[$0] }
    }
}

/// Which Halo instance, and how to log in.
public struct HaloSettings: Sendable, Hashable {
    /// Where the block was written.
    public var range: SourceRange
    /// The instance's address, or `sandbox:PATH`.
    public var url: Located<String>?
    /// haloform's API application id.
    public var clientID: Located<ConfigString>?
    /// Its secret.
    public var clientSecret: Located<ConfigString>?
    /// The hosted tenant.
    public var tenant: Located<String>?

    /// The built-in sandbox, when the URL is `sandbox:…`.
    public var sandbox: SandboxTarget? {
        url.flatMap { SandboxTarget(url: $0.value) }
    }
}

/// The settings of Configuration > Billing > General Settings the guides send an admin to.
public struct BillingSettings: Sendable, Hashable {
    /// Where the block was written.
    public var range: SourceRange
    /// Whether Halo generates the accounts id of new customers.
    public var autoGenerateCustomerAccountsID: Located<Bool>?
    /// Whether Halo generates the accounts id of new products.
    public var autoGenerateProductAccountsID: Located<Bool>?
}

/// One integration's block: its switches and defaults and its tenants, possibly gathered from several files.
public struct IntegrationConfig: Sendable, Hashable {
    /// Which integration.
    public var integration: Integration
    /// Where it was first declared.
    public var range: SourceRange
    /// The module switch.
    public var enabled: Located<Bool>?
    /// The default tenant's name.
    public var defaultTenant: Located<String>?
    /// Exact Online's status for new invoices.
    public var defaultInvoiceStatus: Located<ExactInvoiceStatus>?
    /// Business Central: whether Halo runs the legacy version of the integration.
    public var legacyIntegration: Located<Bool>?
    /// The tenants, in the order the files declare them.
    public var tenants: [TenantConfig]
}

/// One tenant (company, division, business) of an integration.
public struct TenantConfig: Sendable, Hashable {
    /// Which integration it belongs to.
    public var integration: Integration
    /// The tenant's mapping in the file.
    public var range: SourceRange
    /// Its unique name.
    public var name: Located<String>
    /// Exact: the region.
    public var location: Located<ExactLocation>?
    /// Exact: the division.
    public var division: Located<Int>?
    /// Business Central: the Entra tenant.
    public var azureTenantID: Located<ConfigString>?
    /// Business Central: the environment.
    public var environment: Located<String>?
    /// Business Central: the company.
    public var company: Located<String>?
    /// Sage: how Halo authenticates to it.
    public var authentication: Located<SageAuthentication>?
    /// Sage: the business.
    public var business: Located<String>?
    /// The app Halo connects with.
    public var clientID: Located<ConfigString>?
    /// Its secret.
    public var clientSecret: Located<ConfigString>?
    /// haloform's own read access.
    public var catalogClientID: Located<ConfigString>?
    /// Its secret.
    public var catalogClientSecret: Located<ConfigString>?
    /// Exact Online and Sage: the account haloform's reading login signs in as (`catalog.user`), which picks the
    /// token it uses; nil: the app's one login.
    public var catalogUser: Located<String>? = nil
    /// Business Central: the default sales account.
    public var defaultSalesAccount: Located<String>?
    /// Business Central: the default purchase account.
    public var defaultPurchaseAccount: Located<String>?
    /// Whether tax rates are imported daily.
    public var importTaxRatesDaily: Located<Bool>?
    /// Halo tax rate to accounting tax code.
    public var taxRates: MappingList?
    /// The top level imported customers go under.
    public var customerTopLevel: Located<HaloReference>?
    /// Halo customer to accounting customer.
    public var customers: MappingList?
    /// The product group for unmapped items.
    public var defaultProductGroup: Located<HaloReference>?
    /// Accounting item group to Halo product group.
    public var productGroups: MappingList?
    /// The tenant's accounts on Halo product groups, one entry per group; nil when the config leaves them unmanaged.
    public var groupAccounts: Located<[GroupAccounts]>?
    /// The `sync:` block.
    public var sync: SyncSettings?

    /// The tenant's integration and name, which its address is made of.
    public var key: CatalogKey { CatalogKey(integration, name.value) }
    /// Its address in plans and messages.
    public var address: String { key.description }
}

/// A list of mappings with its pruning rule.
public struct MappingList: Sendable, Hashable {
    /// Where the list was written.
    public var range: SourceRange
    /// Whether what Halo holds beyond the list is deleted (the default) or reported as drift.
    public var prune: Located<Bool>?
    /// The mappings.
    public var mappings: [Mapping]
    /// Whether the list's own key is written (`range` is then the list's, else its block's).
    public var isWritten = true
    /// The coverage rule (`require`), if any.
    public var requirement: Located<CoverageRequirement>?
    /// What the rule lets go unmapped: Halo customer names, or item group codes.
    public var unmappedOK: [Located<String>] = []
    /// How an uncovered record counts (`coverage`).
    public var severity: Located<CoverageSeverity>?

    /// Whether extra remote mappings are deleted.
    public var prunes: Bool { prune?.value ?? true }
}

/// One Halo record linked to one accounting code.
public struct Mapping: Sendable, Hashable {
    /// Where the mapping was written.
    public var range: SourceRange
    /// The Halo side.
    public var halo: Located<HaloReference>
    /// The accounting side.
    public var code: Located<String>
}

/// One tenant's default accounts on one Halo product group ("default accounts for income and expense … on product
/// groups"), which Halo keeps per accounting tenant on the group.
public struct GroupAccounts: Sendable, Hashable {
    /// Where the entry was written.
    public var range: SourceRange
    /// The Halo product group.
    public var group: Located<HaloReference>
    /// The income (sales) account code.
    public var income: Located<String>?
    /// The expense (purchase) account code.
    public var expense: Located<String>?
    /// The accounting item code.
    public var item: Located<String>?
    /// The Halo tax rate for sales.
    public var tax: Located<HaloReference>?
    /// The Halo tax rate for purchases.
    public var purchaseTax: Located<HaloReference>?
}

/// A tenant's `sync:` block.
public struct SyncSettings: Sendable, Hashable {
    /// Where the block was written.
    public var range: SourceRange
    /// The entities that sync.
    public var entities: Located<[Located<SyncEntity>]>?
    /// Whether each successful sync shows a message.
    public var showSuccessMessage: Located<Bool>?
    /// Business Central: the item for invoice lines with no product.
    public var defaultInvoiceProduct: Located<String>?
    /// Business Central: group headers as comment lines.
    public var invoiceGroupHeadersAsComments: Located<Bool>?
    /// Business Central: the group increment.
    public var groupIncrement: Located<Int>?
    /// Business Central: the line increment.
    public var lineIncrement: Located<Int>?
    /// Sage: the item code for lines with no product.
    public var defaultItemCode: Located<String>?
}
