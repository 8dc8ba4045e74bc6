/// What a planned change is to: the thing its address names, typed, so nothing reads the address back.
public enum ChangeSubject: Sendable, Hashable {
    /// An integration's module switch under `/Features`.
    case module(Integration)
    /// A tenant's `*Details` record, apart from the mappings it embeds.
    case tenant(CatalogKey)
    /// One mapping a tenant record embeds, by its accounting code.
    case mapping(CatalogKey, MappingKind, code: String)
    /// A Halo tax rate's link to a tenant's tax code; the tenant is nil when no declared tenant owns the link.
    case taxLink(Integration, tenant: String?, taxRate: String)
    /// A tenant's accounts on a Halo product group, by the group's name (or `#id`).
    case groupAccounts(CatalogKey, group: String)
    /// An integration's defaults in `/Control`.
    case defaults(Integration)
    /// Halo's billing settings in `/Control`, which belong to no integration.
    case billing

    /// The integration it belongs to; nil for the billing settings.
    public var integration: Integration? {
        switch self {
        case .module(let integration), .defaults(let integration), .taxLink(let integration, _, _): integration
        case .tenant(let tenant), .mapping(let tenant, _, _), .groupAccounts(let tenant, _): tenant.integration
        case .billing: nil
        }
    }

    /// The declared tenant it belongs to, if any.
    public var tenant: CatalogKey? {
        switch self {
        case .tenant(let tenant), .mapping(let tenant, _, _), .groupAccounts(let tenant, _): tenant
        case .taxLink(let integration, let tenant?, _): CatalogKey(integration, tenant)
        case .module, .defaults, .billing, .taxLink: nil
        }
    }

    /// Whether it is one mapping a tenant record embeds.
    public var isMapping: Bool { if case .mapping = self { true } else { false } }

    /// Whether it is a tenant record.
    public var isTenant: Bool { if case .tenant = self { true } else { false } }

    /// The address people read, e.g. `exact_online.tenant["exact-nl"].customer_mapping["1001"]`.
    public var address: String {
        switch self {
        case .module(let integration): "\(integration.key).module"
        case .tenant(let tenant): tenant.description
        case .mapping(let tenant, let kind, let code): "\(tenant).\(kind.noun)[\"\(code)\"]"
        case .taxLink(let integration, let tenant, let taxRate):
            "\(tenant.map { CatalogKey(integration, $0).description } ?? "\(integration.key).tenant[?]").tax_rate[\"\(taxRate)\"]"
        case .groupAccounts(let tenant, let group): "\(tenant).group_accounts[\"\(group)\"]"
        case .defaults(let integration): "\(integration.key).defaults"
        case .billing: "billing"
        }
    }
}

/// One tenant's mappings of one kind, whose addresses share a start that is made once: a plan of 100,000 mappings makes
/// it 20 times, not 100,000.
struct MappingChanges {
    let tenant: CatalogKey
    let kind: MappingKind
    /// `exact_online.tenant["nl"].customer_mapping["`.
    private let prefix: String

    /// Prepares the changes of a tenant's mappings of `kind`.
    init(_ tenant: CatalogKey, _ kind: MappingKind) {
        self.tenant = tenant
        self.kind = kind
        prefix = "\(tenant).\(kind.noun)[\""
    }

    /// The address of the mapping of accounting code `code`.
    func address(_ code: String) -> String { prefix + code + "\"]" }

    /// The change to the mapping of accounting code `code`.
    func change(_ code: String, _ action: PlannedChange.Action, fields: [FieldChange]) -> PlannedChange {
        PlannedChange(.mapping(tenant, kind, code: code), action, fields: fields, address: address(code))
    }
}

extension ChangeSubject: Decodable {
    /// The kinds of subject, as plan documents name them.
    enum Kind: String, Decodable {
        case module, tenant, customerMapping = "customer_mapping", productGroupMapping = "product_group_mapping"
        case taxLink = "tax_link", groupAccounts = "group_accounts", defaults, billing
    }

    enum CodingKeys: String, CodingKey {
        case kind, integration, tenant, name
    }

    /// The subject's kind and parts, flat.
    var parts: (kind: Kind, integration: Integration?, tenant: String?, name: String?) {
        switch self {
        case .module(let integration): (.module, integration, nil, nil)
        case .tenant(let tenant): (.tenant, tenant.integration, tenant.tenant, nil)
        case .mapping(let tenant, let kind, let code):
            (kind == .customer ? .customerMapping : .productGroupMapping, tenant.integration, tenant.tenant, code)
        case .taxLink(let integration, let tenant, let taxRate): (.taxLink, integration, tenant, taxRate)
        case .groupAccounts(let tenant, let group): (.groupAccounts, tenant.integration, tenant.tenant, group)
        case .defaults(let integration): (.defaults, integration, nil, nil)
        case .billing: (.billing, nil, nil, nil)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        func integration() throws -> Integration { try container.decode(Integration.self, forKey: .integration) }
        func tenant() throws -> CatalogKey {
            CatalogKey(try integration(), try container.decode(String.self, forKey: .tenant))
        }
        func name() throws -> String { try container.decode(String.self, forKey: .name) }
        switch kind {
        case .module: self = .module(try integration())
        case .tenant: self = .tenant(try tenant())
        case .customerMapping: self = .mapping(try tenant(), .customer, code: try name())
        case .productGroupMapping: self = .mapping(try tenant(), .productGroup, code: try name())
        case .taxLink:
            self = .taxLink(
                try integration(), tenant: try container.decodeIfPresent(String.self, forKey: .tenant),
                taxRate: try name())
        case .groupAccounts: self = .groupAccounts(try tenant(), group: try name())
        case .defaults: self = .defaults(try integration())
        case .billing: self = .billing
        }
    }
}
