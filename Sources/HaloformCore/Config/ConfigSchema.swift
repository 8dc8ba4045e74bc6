/// The config language's shape: every key, its type and its description, in one place.
///
/// The decoder checks files against it, `haloform schema` renders it as JSON Schema, and the
/// decoder's tests prove that every key it lists reaches the typed `Config`.
public indirect enum ValueShape: Sendable, Hashable {
    /// Any string.
    case string
    /// A string that may also be `${env:NAME}`.
    case stringOrEnv
    /// A secret: only `${env:NAME}` is allowed.
    case secret
    /// An integer no smaller than `minimum`.
    case integer(minimum: Int?)
    /// `true` or `false`.
    case boolean
    /// One of a fixed set of strings.
    case enumeration([String])
    /// An accounting code: written as a string, though a plain number is taken as its text.
    case code
    /// A Halo record by name, or by id as `{ halo_id: 12 }`.
    case reference
    /// A list of values of one shape.
    case list(ValueShape)
    /// A mapping with known keys.
    case object(ObjectShape)
}

/// The keys a mapping may hold.
public struct ObjectShape: Sendable, Hashable {
    /// The keys, in the order the documentation lists them.
    public var fields: [FieldShape]
    /// Keys that are recognised but refused, with the reason to give.
    public var refused: [String: String]
    /// Groups of keys of which exactly one must be present.
    public var exactlyOne: [[String]]

    /// Creates a shape.
    public init(_ fields: [FieldShape], refused: [String: String] = [:], exactlyOne: [[String]] = []) {
        self.fields = fields
        self.refused = refused
        self.exactlyOne = exactlyOne
    }

    /// The field for `key`, if the shape has one.
    public func field(_ key: String) -> FieldShape? {
        fields.first { $0.key == key }
    }
}

/// One key of a mapping.
public struct FieldShape: Sendable, Hashable {
    /// The YAML key.
    public var key: String
    /// What its value must be.
    public var shape: ValueShape
    /// Whether the key must be present.
    public var required: Bool
    /// What it means, shown by editors on hover.
    public var description: String
    /// What it is when the key is absent, in words; nil when absence says nothing more than the description.
    public var defaultValue: String?
    /// Halo's guide on the same setting, in the guide's words, and which guide.
    public var guide: GuideQuote?
    /// The key in use, as YAML.
    public var example: String?

    /// Creates a field.
    public init(_ key: String, _ shape: ValueShape, required: Bool = false, _ description: String) {
        self.key = key
        self.shape = shape
        self.required = required
        self.description = description
    }

    /// The field with its reference documentation: default, the guide's words, an example.
    public func documented(default defaultValue: String? = nil, guide: GuideQuote? = nil, example: String? = nil)
        -> FieldShape
    {
        var field = self
        field.defaultValue = defaultValue
        field.guide = guide
        field.example = example
        return field
    }
}

/// A sentence of one of Halo's setup guides.
public struct GuideQuote: Sendable, Hashable {
    /// The guides haloform's settings come from.
    public enum Guide: String, Sendable, Hashable {
        case exactOnline = "Exact Online Integration"
        case businessCentral = "Dynamics Business Central Integration"
        case sageBusinessCloud = "Sage Business Cloud"
        case notSyncing = "Accounting Tool Not Syncing"
    }

    /// The guide.
    public var guide: Guide
    /// Its words.
    public var text: String

    /// A quote of `guide`.
    public init(_ guide: Guide, _ text: String) {
        self.guide = guide
        self.text = text
    }
}

/// The schema of haloform's configuration files.
public enum ConfigSchema {
    /// The entities a tenant can sync.
    public static let syncEntities = SyncEntity.allCases.map(\.rawValue)
    /// Exact Online's regions.
    public static let exactLocations = ExactLocation.allCases.map(\.rawValue)
    /// The statuses new invoices can get in Exact Online.
    public static let exactInvoiceStatuses = ExactInvoiceStatus.allCases.map(\.rawValue)
    /// How Halo authenticates to Sage Business Cloud.
    public static let sageAuthentications = SageAuthentication.allCases.map(\.rawValue)
    /// What a coverage rule demands.
    public static let coverageRequirements = CoverageRequirement.allCases.map(\.rawValue)
    /// How an uncovered record counts.
    public static let coverageSeverities = CoverageSeverity.allCases.map(\.rawValue)

    /// The top level of a file.
    public static let root = ObjectShape([
        FieldShape("halo", .object(halo), "Which Halo instance, and how haloform logs in to its API.").documented(
            example:
                "halo:\n  url: https://acme.halopsa.com\n  client_id: ${env:HALO_CLIENT_ID}\n  client_secret: ${env:HALO_CLIENT_SECRET}"
        ),
        FieldShape(
            "exact_online", .object(integration(.exactOnline)),
            "The Exact Online integration. Omit it and haloform never touches it."
        ).documented(
            default: "absent: haloform never reads or changes Exact Online's settings",
            example: "exact_online:\n  enabled: true\n  default_tenant: exact-nl\n  tenants: [...]"),
        FieldShape(
            "business_central", .object(integration(.businessCentral)),
            "The Microsoft Dynamics 365 Business Central integration. Omit it and haloform never touches it."
        ).documented(
            default: "absent: haloform never reads or changes Business Central's settings",
            example: "business_central:\n  enabled: true\n  default_tenant: bc-prod\n  tenants: [...]"),
        FieldShape(
            "sage_business_cloud", .object(integration(.sageBusinessCloud)),
            "The Sage Business Cloud Accounting integration. Omit it and haloform never touches it."
        ).documented(
            default: "absent: haloform never reads or changes Sage's settings",
            example: "sage_business_cloud:\n  enabled: true\n  default_tenant: sage-uk\n  tenants: [...]"),
        FieldShape(
            "billing", .object(billing),
            "Halo's billing settings the integrations' guides send you to (Configuration > Billing > General Settings). Omit it and haloform never touches them."
        ).documented(
            default: "absent: haloform never reads or changes Halo's billing settings",
            example: "billing:\n  auto_generate_accounts_id: { customers: true, products: true }"),
    ])

    /// The `billing:` block.
    public static let billing = ObjectShape([
        FieldShape(
            "auto_generate_accounts_id",
            .object(
                ObjectShape([
                    FieldShape(
                        "customers", .boolean,
                        "Generate the accounts id of each new customer, so agents need not and every new customer can sync."
                    ).documented(
                        default: "not set: left as it is in Halo",
                        guide: GuideQuote(
                            .businessCentral,
                            "If you do not wish for agents to have to manually generate this value, then you can enable the auto generation of the accounts id. This can be enabled in Configuration > Billing > General Settings."
                        ), example: "customers: true"),
                    FieldShape("products", .boolean, "Generate the accounts id of each new product.").documented(
                        default: "not set: left as it is in Halo",
                        guide: GuideQuote(
                            .businessCentral,
                            "If you have enabled automatic generation of account IDs as shown above, then this will also apply for new products."
                        ), example: "products: true"),
                ])), "Automatic accounts ids (the ID for the accounting integration) for new customers and products."
        ).documented(
            default: "not set: left as they are in Halo",
            guide: GuideQuote(
                .businessCentral,
                "The accounts id field is not mandatory on the form, but the customer will not be synced to Dynamics Business Central if a value isn't generated."
            ), example: "auto_generate_accounts_id: { customers: true, products: true }")
    ])

    /// The `halo:` block.
    public static let halo = ObjectShape([
        FieldShape(
            "url", .string, required: true,
            "The Halo instance's address (https://acme.halopsa.com), or sandbox:PATH for the built-in emulator over the state file PATH."
        ).documented(example: "url: https://acme.halopsa.com   # or sandbox:.haloform/sandbox.json"),
        FieldShape(
            "client_id", .stringOrEnv,
            "The client id of haloform's Halo API application (Configuration > Integrations > Halo API)."
        ).documented(example: "client_id: ${env:HALO_CLIENT_ID}"),
        FieldShape("client_secret", .secret, "The application's client secret, from the environment: ${env:NAME}.")
            .documented(example: "client_secret: ${env:HALO_CLIENT_SECRET}"),
        FieldShape("tenant", .string, "The tenant of a Halo-hosted instance, sent as ?tenant= when logging in.")
            .documented(default: "none: a self-hosted instance needs none", example: "tenant: acme"),
    ])

    /// An integration's block.
    public static func integration(_ integration: Integration) -> ObjectShape {
        var fields = [
            FieldShape("enabled", .boolean, "Whether the module is switched on under Configuration > Integrations.")
                .documented(
                    default: "not set: the module is left as it is",
                    guide: GuideQuote(
                        .notSyncing,
                        "In Configuration > Integrations, ensure the module for the accounting tool is enabled."),
                    example: "enabled: true"),
            FieldShape(
                "default_tenant", .string,
                "The tenant new customers, products and suppliers are assigned to: the name of one of the tenants below."
            ).documented(
                default: "not set: Halo's default tenant is left as it is",
                guide: GuideQuote(
                    .exactOnline,
                    "Default tenant for new customers, products and suppliers: Here, enter the Exact tenant that these entities will be created in by default."
                ), example: "default_tenant: exact-nl"),
        ]
        if integration == .businessCentral {
            fields.append(
                FieldShape(
                    "legacy_integration", .boolean,
                    "Run the legacy version of the Business Central integration instead of this one (Configuration > Integrations > Dynamics Business Central)."
                ).documented(
                    default: "not set: left as it is in Halo",
                    guide: GuideQuote(
                        .businessCentral,
                        "The legacy version of this integration can be enabled in Configuration > Integrations > Dynamics Business Central."
                    ), example: "legacy_integration: false"))
        }
        if integration == .exactOnline {
            fields.append(
                FieldShape(
                    "default_invoice_status", .enumeration(exactInvoiceStatuses),
                    "The status invoices get in Exact Online when Halo syncs them: open, or processed."
                ).documented(
                    default: "not set: left as it is in Halo",
                    guide: GuideQuote(
                        .exactOnline,
                        "Default status for new Invoices: Here, you can choose the status that invoices will be created with in Exact when synced from Halo into Exact."
                    ), example: "default_invoice_status: open"))
        }
        fields.append(
            FieldShape(
                "tenants", .list(.object(tenant(integration))),
                "The connected companies, one Halo connection record each, addressed by name."
            ).documented(
                default: "none: with the integration declared, Halo's tenants beyond the list are planned for deletion",
                guide: GuideQuote(
                    .exactOnline,
                    "This process is repeated for each company you have in Exact, just ensure for each connection you are selecting the correct Exact company."
                ), example: "tenants:\n  - name: exact-nl\n    location: nl\n    division: 123456\n    ..."))
        return ObjectShape(fields)
    }

    /// A tenant of an integration.
    public static func tenant(_ integration: Integration) -> ObjectShape {
        var fields = [
            FieldShape(
                "name", .string, required: true, "The tenant's unique name: the key every change to it is addressed by."
            ).documented(example: "name: exact-nl")
        ]
        var refused: [String: String] = [:]
        switch integration {
        case .exactOnline:
            fields += [
                FieldShape(
                    "location", .enumeration(exactLocations), required: true,
                    "Exact Online's region, which picks its host: nl, be, de, uk, us, fr or es."
                ).documented(
                    guide: GuideQuote(.exactOnline, "Now select your location and hit 'Connect Now'."),
                    example: "location: nl"),
                FieldShape(
                    "division", .integer(minimum: 1), required: true,
                    "The Exact company (division number) chosen on the Company tab."
                ).documented(
                    guide: GuideQuote(
                        .exactOnline,
                        "Under the 'Company' tab choose which Exact company you would like to import and sync details from."
                    ), example: "division: 123456"),
                FieldShape(
                    "client_id", .stringOrEnv, required: true, "The client id of the Exact app Halo connects with."
                ).documented(
                    guide: GuideQuote(
                        .exactOnline,
                        "Hit register and you will be given a Client ID and secret. Copy and Paste these fields from Exact into Halo"
                    ), example: "client_id: ${env:EXACT_CLIENT_ID}"),
                FieldShape(
                    "client_secret", .secret, required: true,
                    "That app's secret, from the environment; written to Halo, never read back."
                ).documented(example: "client_secret: ${env:EXACT_CLIENT_SECRET}"),
                FieldShape(
                    "catalog", .object(catalog(integration)),
                    "haloform's own read access to Exact, to resolve codes to ids."
                ).documented(
                    default: "not set: the sandbox needs none; against Exact, `haloform login` uses these",
                    example:
                        "catalog:\n  client_id: ${env:HALOFORM_EXACT_CLIENT_ID}\n  client_secret: ${env:HALOFORM_EXACT_CLIENT_SECRET}"
                ),
                FieldShape("tax_rates", .object(taxRates(integration)), "Links from Halo tax rates to Exact VAT codes.")
                    .documented(
                        default: "not set: tax links are left as they are",
                        guide: GuideQuote(
                            .exactOnline,
                            "To map an existing tax rate to one in Exact edit the tax rate settings and choose the Exact company and the associated tax rate."
                        ),
                        example:
                            "tax_rates:\n  import_daily: true\n  mappings:\n    - { halo: \"BTW hoog 21%\", exact: \"2\" }"
                    ),
            ]
        case .businessCentral:
            fields += [
                FieldShape(
                    "azure_tenant_id", .stringOrEnv, required: true,
                    "The Microsoft Entra tenant the Business Central environment belongs to."
                ).documented(
                    guide: GuideQuote(
                        .businessCentral,
                        "Connecting to Dynamics Business Central requires you to register an application in the Azure portal for the company you want to connect to. The application must be registered in the Azure tenant that it belongs to."
                    ), example: "azure_tenant_id: ${env:BC_AZURE_TENANT}"),
                FieldShape(
                    "client_id", .stringOrEnv, required: true,
                    "The client id of the Entra app registration Halo connects with."
                ).documented(
                    guide: GuideQuote(
                        .businessCentral,
                        "The first task is to give the record a name (the company you will be connecting to is a good choice), before populating the details of the newly created Azure application."
                    ), example: "client_id: ${env:BC_CLIENT_ID}"),
                FieldShape(
                    "client_secret", .secret, required: true,
                    "That app's secret, from the environment; written to Halo, never read back."
                ).documented(
                    guide: GuideQuote(
                        .businessCentral,
                        "Register a new client secret using the available options. Once created, keep a copy of this secret somewhere safe, as it will not be obtainable again once you leave the application."
                    ), example: "client_secret: ${env:BC_CLIENT_SECRET}"),
                FieldShape(
                    "environment", .string, required: true,
                    "The Business Central environment (Production, Sandbox, …). Fixed once saved: a change replaces the connection."
                ).documented(
                    guide: GuideQuote(
                        .businessCentral,
                        "Be aware that after this save, the environment and company cannot be changed. You will need to create an new connection to a company if necessary."
                    ), example: "environment: Production"),
                FieldShape(
                    "company", .string, required: true,
                    "The Business Central company. Fixed once saved: a change replaces the connection."
                ).documented(
                    guide: GuideQuote(
                        .businessCentral,
                        "It is possible to connect to any type of environment (sandbox and production) and any company that belongs to the chosen environment."
                    ), example: "company: CRONUS NL"),
                FieldShape(
                    "catalog", .object(catalog(integration)),
                    "haloform's own read access to Business Central (a service-to-service app), to resolve codes to ids."
                ).documented(
                    default:
                        "not set: the sandbox needs none; against Business Central, haloform reads with the tenant's own app",
                    example:
                        "catalog:\n  client_id: ${env:HALOFORM_BC_CLIENT_ID}\n  client_secret: ${env:HALOFORM_BC_CLIENT_SECRET}"
                ),
                FieldShape(
                    "accounts",
                    .object(
                        ObjectShape([
                            FieldShape("default_sales", .code, "The G/L account number sales lines use by default.")
                                .documented(example: "default_sales: \"8000\""),
                            FieldShape(
                                "default_purchase", .code, "The G/L account number purchase lines use by default."
                            ).documented(example: "default_purchase: \"7000\""),
                        ])), "Default G/L accounts."
                ).documented(
                    default: "not set: left as they are in Halo",
                    guide: GuideQuote(
                        .businessCentral,
                        "For each Dynamics Business Central company that you connect to Halo, a default sales and purchase account code can be chosen for any new products that are created and assigned to the company."
                    ), example: "accounts: { default_sales: \"8000\", default_purchase: \"7000\" }"),
            ]
            refused["tax_rates"] =
                "Business Central takes no tax rates: its tax engine computes tax on every invoice line"
        case .sageBusinessCloud:
            fields += [
                FieldShape(
                    "authentication", .enumeration(sageAuthentications),
                    "halo_app (Halo's own Sage app, the default) or custom_app (your developer app: no webhooks, so no syncing)."
                ).documented(
                    default: "halo_app",
                    guide: GuideQuote(
                        .sageBusinessCloud,
                        "Use the Halo app (recommended) - This is the recommended option and should be selected by all hosted customers."
                    ), example: "authentication: halo_app"),
                FieldShape(
                    "business", .string, required: true,
                    "The Sage business whose codes haloform reads, by name (sent as X-Business). Halo picks the business in its own Sage login and keeps none, so nothing is written to Halo for it; doctor notes that it cannot be confirmed."
                ).documented(example: "business: Acme Ltd"),
                FieldShape("client_id", .stringOrEnv, "The client id of your Sage developer app; only with custom_app.")
                    .documented(
                        guide: GuideQuote(
                            .sageBusinessCloud,
                            "When this option is selected you will need to authenticate the integration using a client ID and secret."
                        ), example: "client_id: ${env:SAGE_CLIENT_ID}"),
                FieldShape("client_secret", .secret, "That app's secret, from the environment; only with custom_app.")
                    .documented(example: "client_secret: ${env:SAGE_CLIENT_SECRET}"),
                FieldShape(
                    "catalog", .object(catalog(integration)),
                    "haloform's own read access to Sage, to resolve codes to ids."
                ).documented(
                    default: "not set: the sandbox needs none; against Sage, `haloform login` uses these",
                    example:
                        "catalog:\n  client_id: ${env:HALOFORM_SAGE_CLIENT_ID}\n  client_secret: ${env:HALOFORM_SAGE_CLIENT_SECRET}"
                ),
                FieldShape("tax_rates", .object(taxRates(integration)), "Links from Halo tax rates to Sage tax rates.")
                    .documented(
                        default: "not set: tax links are left as they are",
                        guide: GuideQuote(
                            .sageBusinessCloud,
                            "This is where you can import your tax rates from Sage into Halo, and map them to your existing ones."
                        ), example: "tax_rates:\n  mappings:\n    - { halo: Standard, sage: GB_STANDARD }"),
            ]
        }
        fields += [
            FieldShape(
                "customers",
                .object(
                    ObjectShape([
                        FieldShape(
                            "top_level", .reference,
                            "The Halo top level that customers imported from this tenant go under."
                        ).documented(
                            default: "not set: left as it is in Halo",
                            guide: GuideQuote(
                                .exactOnline,
                                "You can also choose a top level for these customers to be under, using the 'Top level for customers' setting."
                            ), example: "top_level: Customers NL"),
                        FieldShape(
                            "prune", .boolean,
                            "false: mappings Halo holds beyond this list are reported as drift, not deleted (Halo adds them on import)."
                        ).documented(
                            default: "true: mappings Halo holds beyond the list are planned for deletion",
                            guide: GuideQuote(
                                .exactOnline,
                                "Note that if a customer is imported without a mapping, and they do not have a name/accounts code that matches an existing customer, then a new customer will be created in Halo and the mapping will be automatically added to the table."
                            ), example: "prune: false"),
                        FieldShape(
                            "mappings", .list(mapping(integration)),
                            "Halo customer to \(integration.displayName) customer, one to one."
                        ).documented(
                            default:
                                "none: every customer mapping Halo holds for the tenant is planned for deletion (or reported, with prune: false)",
                            guide: GuideQuote(
                                .exactOnline,
                                "The Halo to Exact connection is 1-1 so only one Halo entity can be linked to one exact entity (one Halo customer to one Exact customer for example)."
                            ),
                            example:
                                "mappings:\n  - { halo: Acme BV, exact: \"1001\" }\n  - { halo_id: 12, exact: \"1002\" }"
                        ),
                        FieldShape(
                            "require", .enumeration(coverageRequirements),
                            "A coverage rule: all_active means every active Halo customer under the top level (any, without one) is mapped by a tenant of this integration or listed under unmapped_ok; plan and doctor report each one that is not, and suggest proposes mappings for them."
                        ).documented(default: "not set: no coverage rule", example: "require: all_active"),
                        FieldShape(
                            "unmapped_ok", .list(.string),
                            "Halo customers (by name) the coverage rule lets go unmapped."
                        ).documented(default: "none", example: "unmapped_ok: [Internal IT, Test Customer]"),
                        FieldShape(
                            "coverage", .enumeration(coverageSeverities),
                            "How an uncovered customer counts: warning (plan succeeds) or error (plan fails, exit 1, as plan --strict makes it)."
                        ).documented(default: "warning", example: "coverage: error"),
                    ])), "Customer settings and mappings."
            ).documented(
                default: "not set: customer settings and mappings are left as they are",
                example: "customers:\n  top_level: Customers NL\n  mappings:\n    - { halo: Acme BV, exact: \"1001\" }"),
            FieldShape(
                "products",
                .object(
                    ObjectShape([
                        FieldShape(
                            "default_group", .reference, "The Halo product group for items whose group has no mapping."
                        ).documented(
                            default: "not set: left as it is in Halo",
                            guide: GuideQuote(
                                .exactOnline,
                                "You will also need to set a default product group for imported items. Any imported items that have an item group that is not mapped to a Halo product group, will be created under this default product group."
                            ), example: "default_group: Services"),
                        FieldShape(
                            "prune", .boolean,
                            "false: group mappings Halo holds beyond this list are reported as drift, not deleted."
                        ).documented(
                            default: "true: group mappings Halo holds beyond the list are planned for deletion",
                            example: "prune: false"),
                        FieldShape(
                            "group_accounts", .list(groupAccounts(integration)),
                            "This tenant's default accounts on Halo product groups, by group name and \(integration.displayName) codes: Halo keeps one entry per accounting tenant on each group, and the other tenants' entries are left alone."
                        ).documented(
                            default:
                                "not set: the tenant's group accounts are left as they are; a list makes Halo's entries of this tenant beyond it planned for removal (reported, with prune: false)",
                            guide: GuideQuote(
                                .exactOnline,
                                "Once imported you can set these to be the default accounts for income and expense accounts on product groups."
                            ),
                            example:
                                "group_accounts:\n  - { halo: Hardware, income: \"8000\", expense: \"7000\" }\n  - { halo: Software, income: \"8010\", expense: \"7000\", tax: \"BTW hoog 21%\" }"
                        ),
                        FieldShape(
                            "group_mappings", .list(mapping(integration)),
                            "\(integration.displayName) item group to Halo product group, one to one."
                        ).documented(
                            default:
                                "none: every group mapping Halo holds for the tenant is planned for deletion (or reported, with prune: false)",
                            guide: GuideQuote(
                                .exactOnline,
                                "When creating the mapping select an item group from Exact and the corresponding product group in Halo. This will ensure that when importing items from Exact they are imported under the selected product group in Halo."
                            ), example: "group_mappings:\n  - { exact: \"100\", halo: Hardware }"),
                        FieldShape(
                            "require", .enumeration(coverageRequirements),
                            "A coverage rule: all_active means every item group of the tenant's \(integration.displayName) catalog is mapped or listed under unmapped_ok (item groups have no inactive state); plan and doctor report each one that is not, and suggest proposes mappings for them."
                        ).documented(default: "not set: no coverage rule", example: "require: all_active"),
                        FieldShape(
                            "unmapped_ok", .list(.code),
                            "\(integration.displayName) item group codes the coverage rule lets go unmapped."
                        ).documented(default: "none", example: "unmapped_ok: [\"900\"]"),
                        FieldShape(
                            "coverage", .enumeration(coverageSeverities),
                            "How an uncovered item group counts: warning (plan succeeds) or error (plan fails, exit 1, as plan --strict makes it)."
                        ).documented(default: "warning", example: "coverage: error"),
                    ])), "Product settings and item-group mappings."
            ).documented(
                default: "not set: product settings and mappings are left as they are",
                example:
                    "products:\n  default_group: Services\n  group_mappings:\n    - { exact: \"100\", halo: Hardware }"),
            FieldShape("sync", .object(sync(integration)), "Which entities sync and how.").documented(
                default: "not set: sync settings are left as they are",
                example: "sync:\n  entities: [customers, products, invoices]\n  show_success_message: true"),
        ]
        return ObjectShape(fields, refused: refused)
    }

    /// haloform's own catalog credentials for a tenant.
    public static func catalog(_ integration: Integration) -> ObjectShape {
        var fields = [
            FieldShape("client_id", .stringOrEnv, "The client id of haloform's own app registration for reading.")
                .documented(example: "client_id: ${env:HALOFORM_CATALOG_CLIENT_ID}"),
            FieldShape("client_secret", .secret, "Its secret, from the environment.").documented(
                example: "client_secret: ${env:HALOFORM_CATALOG_CLIENT_SECRET}"),
        ]
        if integration != .businessCentral {
            let (account, example) =
                integration == .exactOnline
                ? (
                    "the Exact user name (as `/current/Me` gives it, usually an e-mail address) or user id",
                    "user: finance@acme.example"
                )
                : (
                    "the Sage user id, as `haloform login` prints it (the token answer's `requested_by_id`)",
                    "user: 5f2b8c1e9a7d4e3f8b6a1c0d2e4f6a8b"
                )
            fields.append(
                FieldShape(
                    "user", .string,
                    "Which account `haloform login` signs in as for this tenant: \(account). \(integration.displayName) keeps one refresh token per app and user, so tenants that declare different users keep separate tokens; tenants of one app and user share one login."
                ).documented(
                    default: "not set: every tenant of the app that sets no user shares one login, whoever signs in",
                    example: example))
        }
        return ObjectShape(fields)
    }

    /// A tenant's tax-rate links.
    public static func taxRates(_ integration: Integration) -> ObjectShape {
        ObjectShape([
            FieldShape(
                "import_daily", .boolean,
                "Import tax rates every day. Halo then removes the tax rates no company maps; the plan names them."
            ).documented(
                default: "not set: left as it is in Halo",
                guide: GuideQuote(
                    .exactOnline,
                    "You can import tax rates from Exact automatically on a daily basis, this will update any existing rates and create new rates. This is enabled using the setting \"Import tax rates daily\" under the \"Tax Rates\" tab."
                ), example: "import_daily: true"),
            FieldShape(
                "prune", .boolean, "false: tax links Halo holds beyond this list are reported as drift, not removed."
            ).documented(default: "true: tax links beyond the list are planned for removal", example: "prune: false"),
            FieldShape(
                "mappings", .list(mapping(integration)),
                "Halo tax rate (by name) to \(integration.displayName) tax code."
            ).documented(
                default: "none: every tax link to the tenant is planned for removal (or reported, with prune: false)",
                guide: GuideQuote(
                    .sageBusinessCloud,
                    "Clicking into one will now show the \"Sage Business Cloud Tax Rate\" and \"Sage Business Account\" fields showing which tenant and tax rate it is linked to."
                ), example: "mappings:\n  - { halo: \"BTW hoog 21%\", exact: \"2\" }"),
        ])
    }

    /// One mapping of a Halo record to an accounting code.
    public static func mapping(_ integration: Integration) -> ValueShape {
        .object(
            ObjectShape(
                [
                    FieldShape("halo", .string, "The Halo record, by name.").documented(example: "halo: Acme BV"),
                    FieldShape(
                        "halo_id", .integer(minimum: 1), "The Halo record by id, for a name that matches two records."
                    ).documented(example: "halo_id: 12"),
                    FieldShape(integration.mappingKey, .code, required: true, "The \(integration.displayName) code.")
                        .documented(example: "exact: \"1001\"   # business_central: \"10000\", sage: ACME001"),
                ],
                exactlyOne: [["halo", "halo_id"]]
            ))
    }

    /// One tenant's accounts on one Halo product group.
    public static func groupAccounts(_ integration: Integration) -> ValueShape {
        .object(
            ObjectShape(
                [
                    FieldShape("halo", .string, "The Halo product group, by name.").documented(
                        example: "halo: Hardware"),
                    FieldShape(
                        "halo_id", .integer(minimum: 1),
                        "The Halo product group by id, for a name that matches two groups."
                    ).documented(example: "halo_id: 12"),
                    FieldShape(
                        "income", .code,
                        "The \(integration.displayName) account code income (sales) of the group's products goes to."
                    ).documented(default: "not set: left as it is in Halo", example: "income: \"8000\""),
                    FieldShape(
                        "expense", .code,
                        "The \(integration.displayName) account code expense (purchases) of the group's products goes to."
                    ).documented(default: "not set: left as it is in Halo", example: "expense: \"7000\""),
                    FieldShape("item", .code, "The \(integration.displayName) item code of the group.").documented(
                        default: "not set: left as it is in Halo", example: "item: ITEM001"),
                    FieldShape("tax", .reference, "The Halo tax rate the group's sales take with this tenant.")
                        .documented(default: "not set: left as it is in Halo", example: "tax: \"BTW hoog 21%\""),
                    FieldShape(
                        "purchase_tax", .reference, "The Halo tax rate the group's purchases take with this tenant."
                    ).documented(default: "not set: left as it is in Halo", example: "purchase_tax: \"BTW hoog 21%\""),
                ],
                exactlyOne: [["halo", "halo_id"]]
            ))
    }

    /// A tenant's sync settings.
    public static func sync(_ integration: Integration) -> ObjectShape {
        var fields = [
            FieldShape(
                "entities", .list(.enumeration(syncEntities)),
                "The entities that sync when created or edited: customers, products, invoices."
            ).documented(
                default: "not set: left as it is in Halo; an empty list turns syncing off",
                guide: GuideQuote(
                    .exactOnline,
                    "Under the 'Syncing to Exact Online' tab, you can set which entities you would like to sync. You can choose from customers, products and invoices."
                ), example: "entities: [customers, products, invoices]"),
            FieldShape(
                "show_success_message", .boolean,
                "Show a message for each successful sync (recommended: it shows errors too)."
            ).documented(
                default: "not set: left as it is in Halo",
                guide: GuideQuote(
                    .notSyncing,
                    "It is also recommended to enable the \"Show a message for each successful sync\" option if available, as it will show any errors when syncing, helping narrow down the cause easier."
                ), example: "show_success_message: true"),
        ]
        switch integration {
        case .exactOnline:
            break
        case .businessCentral:
            fields += [
                FieldShape(
                    "default_invoice_product", .code,
                    "The Business Central item used for invoice lines with no linked product."
                ).documented(
                    default: "not set: left as it is in Halo",
                    guide: GuideQuote(
                        .businessCentral,
                        "It is also recommended that a default product is chosen for invoice lines. This means that if a product is added to an invoice line which isn't linked to Dynamics Business Central, then the default product's account id and code will be used for that line, allowing the invoice to sync."
                    ), example: "default_invoice_product: SERVICE"),
                FieldShape(
                    "invoice_group_headers_as_comments", .boolean, "Send invoice group headers as comment lines."
                ).documented(
                    default: "not set: left as it is in Halo",
                    guide: GuideQuote(
                        .businessCentral,
                        "Sync Invoice group headers as comments - When this setting is enabled the invoice group header will be synced over to DBC as a comment"
                    ), example: "invoice_group_headers_as_comments: true"),
                FieldShape(
                    "line_numbers",
                    .object(
                        ObjectShape([
                            FieldShape(
                                "group_increment", .integer(minimum: 1),
                                "Line-number step when the item type changes (Halo's default 1000)."
                            ).documented(
                                default: "not set: left as it is in Halo (Halo's default 1000)",
                                guide: GuideQuote(
                                    .businessCentral,
                                    "Group number Increment - This will determine the increment for line numbers in DBC, when the item type on the invoice changes."
                                ), example: "group_increment: 1000"),
                            FieldShape(
                                "line_increment", .integer(minimum: 1),
                                "Line-number step between items of the same type (Halo's default 1)."
                            ).documented(
                                default: "not set: left as it is in Halo (Halo's default 1)",
                                guide: GuideQuote(
                                    .businessCentral,
                                    "Line number Increment - This will determine the increment for line numbers in DBC, when the item on the invoice is followed by an item of the same type."
                                ), example: "line_increment: 1"),
                        ])), "How Business Central line numbers are generated."
                ).documented(
                    default: "not set: left as they are in Halo (Halo's defaults 1000 and 1)",
                    example: "line_numbers: { group_increment: 1000, line_increment: 1 }"),
            ]
        case .sageBusinessCloud:
            fields.append(
                FieldShape(
                    "default_item_code", .code, "The Sage item code used for invoice lines with no linked product."
                ).documented(
                    default: "not set: left as it is in Halo",
                    guide: GuideQuote(
                        .sageBusinessCloud,
                        "You can then select the default Sage Business Cloud Item Code for if an invoice line does not have a code associated with it."
                    ), example: "default_item_code: SERVICE"))
        }
        return ObjectShape(fields)
    }
}
