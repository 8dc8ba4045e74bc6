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

    /// Creates a field.
    public init(_ key: String, _ shape: ValueShape, required: Bool = false, _ description: String) {
        self.key = key
        self.shape = shape
        self.required = required
        self.description = description
    }
}

/// The schema of haloform's configuration files.
public enum ConfigSchema {
    /// The entities a tenant can sync.
    public static let syncEntities = ["customers", "products", "invoices"]
    /// Exact Online's regions.
    public static let exactLocations = ["nl", "be", "de", "uk", "us", "fr", "es"]
    /// The statuses new invoices can get in Exact Online.
    public static let exactInvoiceStatuses = ["open", "processed"]
    /// How Halo authenticates to Sage Business Cloud.
    public static let sageAuthentications = ["halo_app", "custom_app"]

    /// The top level of a file.
    public static let root = ObjectShape([
        FieldShape("halo", .object(halo), "Which Halo instance, and how haloform logs in to its API."),
        FieldShape("exact_online", .object(integration(.exactOnline)), "The Exact Online integration. Omit it and haloform never touches it."),
        FieldShape("business_central", .object(integration(.businessCentral)), "The Microsoft Dynamics 365 Business Central integration. Omit it and haloform never touches it."),
        FieldShape("sage_business_cloud", .object(integration(.sageBusinessCloud)), "The Sage Business Cloud Accounting integration. Omit it and haloform never touches it."),
    ])

    /// The `halo:` block.
    public static let halo = ObjectShape([
        FieldShape("url", .string, required: true, "The Halo instance's address (https://acme.halopsa.com), or sandbox:PATH for the built-in emulator over the state file PATH."),
        FieldShape("client_id", .stringOrEnv, "The client id of haloform's Halo API application (Configuration > Integrations > Halo API)."),
        FieldShape("client_secret", .secret, "The application's client secret, from the environment: ${env:NAME}."),
        FieldShape("tenant", .string, "The tenant of a Halo-hosted instance, sent as ?tenant= when logging in."),
    ])

    /// An integration's block.
    public static func integration(_ integration: Integration) -> ObjectShape {
        var fields = [
            FieldShape("enabled", .boolean, "Whether the module is switched on under Configuration > Integrations."),
            FieldShape("default_tenant", .string, "The tenant new customers, products and suppliers are assigned to: the name of one of the tenants below."),
        ]
        if integration == .exactOnline {
            fields.append(FieldShape("default_invoice_status", .enumeration(exactInvoiceStatuses), "The status invoices get in Exact Online when Halo syncs them: open, or processed."))
        }
        fields.append(FieldShape("tenants", .list(.object(tenant(integration))), "The connected companies, one Halo connection record each, addressed by name."))
        return ObjectShape(fields)
    }

    /// A tenant of an integration.
    public static func tenant(_ integration: Integration) -> ObjectShape {
        var fields = [FieldShape("name", .string, required: true, "The tenant's unique name: the key every change to it is addressed by.")]
        var refused: [String: String] = [:]
        switch integration {
        case .exactOnline:
            fields += [
                FieldShape("location", .enumeration(exactLocations), required: true, "Exact Online's region, which picks its host: nl, be, de, uk, us, fr or es."),
                FieldShape("division", .integer(minimum: 1), required: true, "The Exact company (division number) chosen on the Company tab."),
                FieldShape("client_id", .stringOrEnv, required: true, "The client id of the Exact app Halo connects with."),
                FieldShape("client_secret", .secret, required: true, "That app's secret, from the environment; written to Halo, never read back."),
                FieldShape("catalog", .object(catalog(integration)), "haloform's own read access to Exact, to resolve codes to ids."),
                FieldShape("tax_rates", .object(taxRates(integration)), "Links from Halo tax rates to Exact VAT codes."),
            ]
        case .businessCentral:
            fields += [
                FieldShape("azure_tenant_id", .stringOrEnv, required: true, "The Microsoft Entra tenant the Business Central environment belongs to."),
                FieldShape("client_id", .stringOrEnv, required: true, "The client id of the Entra app registration Halo connects with."),
                FieldShape("client_secret", .secret, required: true, "That app's secret, from the environment; written to Halo, never read back."),
                FieldShape("environment", .string, required: true, "The Business Central environment (Production, Sandbox, …). Fixed once saved: a change replaces the connection."),
                FieldShape("company", .string, required: true, "The Business Central company. Fixed once saved: a change replaces the connection."),
                FieldShape("catalog", .object(catalog(integration)), "haloform's own read access to Business Central (a service-to-service app), to resolve codes to ids."),
                FieldShape("accounts", .object(ObjectShape([
                    FieldShape("default_sales", .code, "The G/L account number sales lines use by default."),
                    FieldShape("default_purchase", .code, "The G/L account number purchase lines use by default."),
                ])), "Default G/L accounts."),
            ]
            refused["tax_rates"] = "Business Central takes no tax rates: its tax engine computes tax on every invoice line"
        case .sageBusinessCloud:
            fields += [
                FieldShape("authentication", .enumeration(sageAuthentications), "halo_app (Halo's own Sage app, the default) or custom_app (your developer app: no webhooks, so no syncing)."),
                FieldShape("business", .string, required: true, "The Sage business whose codes haloform reads, by name (sent as X-Business). Halo picks the business in its own Sage login and keeps none, so nothing is written to Halo for it; doctor notes that it cannot be confirmed."),
                FieldShape("client_id", .stringOrEnv, "The client id of your Sage developer app; only with custom_app."),
                FieldShape("client_secret", .secret, "That app's secret, from the environment; only with custom_app."),
                FieldShape("catalog", .object(catalog(integration)), "haloform's own read access to Sage, to resolve codes to ids."),
                FieldShape("tax_rates", .object(taxRates(integration)), "Links from Halo tax rates to Sage tax rates."),
            ]
        }
        fields += [
            FieldShape("customers", .object(ObjectShape([
                FieldShape("top_level", .reference, "The Halo top level that customers imported from this tenant go under."),
                FieldShape("prune", .boolean, "false: mappings Halo holds beyond this list are reported as drift, not deleted (Halo adds them on import)."),
                FieldShape("mappings", .list(mapping(integration)), "Halo customer to \(integration.displayName) customer, one to one."),
            ])), "Customer settings and mappings."),
            FieldShape("products", .object(ObjectShape([
                FieldShape("default_group", .reference, "The Halo product group for items whose group has no mapping."),
                FieldShape("prune", .boolean, "false: group mappings Halo holds beyond this list are reported as drift, not deleted."),
                FieldShape("group_mappings", .list(mapping(integration)), "\(integration.displayName) item group to Halo product group, one to one."),
            ])), "Product settings and item-group mappings."),
            FieldShape("sync", .object(sync(integration)), "Which entities sync and how."),
        ]
        return ObjectShape(fields, refused: refused)
    }

    /// haloform's own catalog credentials for a tenant.
    public static func catalog(_ integration: Integration) -> ObjectShape {
        ObjectShape([
            FieldShape("client_id", .stringOrEnv, "The client id of haloform's own app registration for reading."),
            FieldShape("client_secret", .secret, "Its secret, from the environment."),
        ])
    }

    /// A tenant's tax-rate links.
    public static func taxRates(_ integration: Integration) -> ObjectShape {
        ObjectShape([
            FieldShape("import_daily", .boolean, "Import tax rates every day. Halo then removes the tax rates no company maps; the plan names them."),
            FieldShape("prune", .boolean, "false: tax links Halo holds beyond this list are reported as drift, not removed."),
            FieldShape("mappings", .list(mapping(integration)), "Halo tax rate (by name) to \(integration.displayName) tax code."),
        ])
    }

    /// One mapping of a Halo record to an accounting code.
    public static func mapping(_ integration: Integration) -> ValueShape {
        .object(ObjectShape(
            [
                FieldShape("halo", .string, "The Halo record, by name."),
                FieldShape("halo_id", .integer(minimum: 1), "The Halo record by id, for a name that matches two records."),
                FieldShape(integration.mappingKey, .code, required: true, "The \(integration.displayName) code."),
            ],
            exactlyOne: [["halo", "halo_id"]]
        ))
    }

    /// A tenant's sync settings.
    public static func sync(_ integration: Integration) -> ObjectShape {
        var fields = [
            FieldShape("entities", .list(.enumeration(syncEntities)), "The entities that sync when created or edited: customers, products, invoices."),
            FieldShape("show_success_message", .boolean, "Show a message for each successful sync (recommended: it shows errors too)."),
        ]
        switch integration {
        case .exactOnline:
            break
        case .businessCentral:
            fields += [
                FieldShape("default_invoice_product", .code, "The Business Central item used for invoice lines with no linked product."),
                FieldShape("invoice_group_headers_as_comments", .boolean, "Send invoice group headers as comment lines."),
                FieldShape("line_numbers", .object(ObjectShape([
                    FieldShape("group_increment", .integer(minimum: 1), "Line-number step when the item type changes (Halo's default 1000)."),
                    FieldShape("line_increment", .integer(minimum: 1), "Line-number step between items of the same type (Halo's default 1)."),
                ])), "How Business Central line numbers are generated."),
            ]
        case .sageBusinessCloud:
            fields.append(FieldShape("default_item_code", .code, "The Sage item code used for invoice lines with no linked product."))
        }
        return ObjectShape(fields)
    }
}
