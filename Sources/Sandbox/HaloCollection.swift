/// How one Halo collection behaves: its list envelope, the fields it knows, links to other records and list filters.
/// A field it does not know is dropped from a POST, as ASP.NET drops unknown JSON members on a real Halo.
struct HaloCollection: Sendable {
    /// The JSON type a known field must have.
    enum FieldType: String, Sendable {
        case int = "an integer", string = "a string", bool = "a boolean", number = "a number"
        case object = "an object", array = "an array"

        /// The type's name in an OpenAPI document (`integer`).
        var schemaName: String {
            switch self {
            case .int: "integer"
            case .string: "string"
            case .bool: "boolean"
            case .number: "number"
            case .object: "object"
            case .array: "array"
            }
        }

        /// Whether a value (null aside) has this type.
        func accepts(_ value: JSON) -> Bool {
            switch (self, value) {
            case (_, .null): return true
            case (.int, _): return value.intValue != nil
            case (.string, .string), (.bool, .bool), (.object, .object), (.array, .array): return true
            case (.number, .int), (.number, .double): return true
            default: return false
            }
        }
    }

    /// A field holding the id or code of another record, and the `*_name` companion the sandbox fills from it.
    enum Link: Sendable {
        /// A Halo record id (0 or null = none); an unknown id is a 400.
        case record(field: String, collection: String, companion: String)
        /// An Exact division code, named by its description.
        case exactDivision(field: String, companion: String)
        /// A Business Central company id, named by its name.
        case businessCentralCompany(field: String, companion: String)
        /// A Business Central entity number under the record's `company_id`, named by its display name.
        case businessCentralEntity(field: String, set: String, companion: String)

        /// The `*_name` field filled from the link.
        var companion: String {
            switch self {
            case .record(_, _, let companion), .exactDivision(_, let companion),
                .businessCentralCompany(_, let companion),
                .businessCentralEntity(_, _, let companion):
                companion
            }
        }
    }

    /// An embedded mapping array (`client_mappings`, `item_group_mappings`) of ExternalLink objects.
    struct MappingArray: Sendable {
        /// The field holding the array.
        let field: String
        /// The collection the mappings' `halo_id` points at.
        let target: String
        /// The `table_id` given to mappings that have none.
        let defaultTableID: Int?
    }

    /// An embedded list of plain entries (a product group's `accounts_mappings`): each entry gets an id and its parent's.
    struct EmbeddedList: Sendable {
        /// The field holding the list.
        let field: String
        /// The entry field that holds the parent record's id.
        let parentField: String
        /// The fields an entry keeps, with their types.
        let fields: [String: FieldType]
        /// Entry fields holding a `/Tax` id, and the `*_name` companion filled from it.
        let taxLinks: [(field: String, companion: String)]
    }

    /// The collection name as in the path ("Client").
    let name: String
    /// The plural key of the `{record_count, <plural>}` envelope; nil answers lists as a bare array.
    let listKey: String?
    /// Every field the sandbox stores and returns, with its type: those haloform uses, the `*_name` companions it fills
    /// and those the seed holds.
    let fields: [String: FieldType]
    /// Id fields and their companions.
    let links: [Link]
    /// List query parameters that filter on a field.
    let filters: [String: String]
    /// Whether lists leave out `inactive` records unless `includeinactive=true`.
    let hidesInactive: Bool
    /// Embedded mapping arrays.
    let mappings: [MappingArray]
    /// Embedded lists of plain entries.
    let embedded: [EmbeddedList]
    /// A tenant record's connection fields (`isauthorized`, `tokenexpiry`), which only a person sets, by connecting in
    /// Halo's UI (here: `POST /_sandbox/connect`): a POST cannot set them, and a new record starts unconnected.
    let connection: (authorized: String, expiry: String)?

    init(
        _ name: String, listKey: String? = nil, fields: [String: FieldType], links: [Link] = [],
        filters: [String: String] = [:], hidesInactive: Bool = false, mappings: [MappingArray] = [],
        embedded: [EmbeddedList] = [],
        named: Bool = true, connection: (authorized: String, expiry: String)? = nil
    ) {
        self.name = name
        self.listKey = listKey
        // Halo's module switches and mapping links have no `name`.
        var known = fields.merging(named ? ["id": .int, "name": .string] : ["id": .int]) { mine, _ in mine }
        if let connection {
            known[connection.authorized] = .bool
            known[connection.expiry] = .string
        }
        for link in links { known[link.companion] = known[link.companion] ?? .string }
        self.fields = known
        self.links = links
        self.filters = filters
        self.hidesInactive = hidesInactive
        self.mappings = mappings
        self.embedded = embedded
        self.connection = connection
    }

    /// The collections, by lower-cased name (Halo paths are case-insensitive).
    static let all: [String: HaloCollection] = {
        let mappingFields: [String: FieldType] = ["client_mappings": .array, "item_group_mappings": .array]
        let detailsMappings = [
            MappingArray(field: "client_mappings", target: "Client", defaultTableID: 2),
            MappingArray(field: "item_group_mappings", target: "AssetGroup", defaultTableID: nil),
        ]
        let list: [HaloCollection] = [
            HaloCollection(
                "ExactDetails",
                fields: mappingFields.merging([
                    "locale": .string, "division": .int, "client_id": .string, "new_client_secret": .string,
                    "clienttoplevel": .int, "itemgroup": .int, "enablesync": .bool, "syncentities": .string,
                    "showmessage": .bool, "do_daily_tax_import": .bool,
                ]) { $1 },
                links: [
                    .record(field: "clienttoplevel", collection: "TopLevel", companion: "client_top_level_name"),
                    .record(field: "itemgroup", collection: "AssetGroup", companion: "item_group_name"),
                    .exactDivision(field: "division", companion: "division_name"),
                ],
                filters: ["division": "division"], mappings: detailsMappings,
                connection: ("isauthorized", "tokenexpiry")),
            HaloCollection(
                "BusinessCentralDetails",
                fields: mappingFields.merging([
                    "tenant_id": .string, "client_id": .string, "new_client_secret": .string,
                    "environment_name": .string,
                    "company_id": .string, "company_name": .string, "client_top_level": .int,
                    "item_default_group": .int,
                    "default_sales_account": .string, "default_purchase_account": .string, "enable_sync": .bool,
                    "sync_entities": .string, "show_message": .bool, "default_invoice_item": .string,
                    "sync_inv_groups": .bool, "group_increment": .int, "line_increment": .int,
                ]) { $1 },
                links: [
                    .record(field: "client_top_level", collection: "TopLevel", companion: "client_top_level_name"),
                    .record(
                        field: "item_default_group", collection: "AssetGroup", companion: "item_default_group_name"),
                    .businessCentralCompany(field: "company_id", companion: "company_name"),
                    .businessCentralEntity(
                        field: "default_sales_account", set: "accounts", companion: "default_sales_account_name"),
                    .businessCentralEntity(
                        field: "default_purchase_account", set: "accounts", companion: "default_purchase_account_name"),
                    .businessCentralEntity(
                        field: "default_invoice_item", set: "items", companion: "default_invoice_item_name"),
                ],
                filters: ["companyid": "company_id"], mappings: detailsMappings,
                connection: ("authorized", "token_expiry")),
            HaloCollection(
                "SageBusinessCloudDetails",
                fields: mappingFields.merging([
                    "client_id": .string, "new_client_secret": .string, "sbcdnewmethod": .bool,
                    "clienttoplevel": .int, "itemgroup": .int, "enablesync": .bool, "defaultitemcode": .string,
                    "showmessage": .bool, "syncentities": .string, "do_daily_tax_import": .bool,
                ]) { $1 },
                links: [
                    .record(field: "clienttoplevel", collection: "TopLevel", companion: "client_top_level_name"),
                    .record(field: "itemgroup", collection: "AssetGroup", companion: "item_group_name"),
                ],
                mappings: detailsMappings, connection: ("isauthorized", "tokenexpiry")),
            HaloCollection("Features", fields: ["module_name": .string, "enabled": .bool], named: false),
            HaloCollection(
                "Tax",
                fields: [
                    "code": .string, "value": .number, "exact_division": .int, "exacttaxcode": .object,
                    "sage_tenant_id": .int, "sagebusinesscloudtaxcode": .object,
                ],
                links: [
                    .exactDivision(field: "exact_division", companion: "exact_division_name"),
                    .record(
                        field: "sage_tenant_id", collection: "SageBusinessCloudDetails", companion: "sage_tenant_name"),
                ]),
            HaloCollection(
                "AssetGroup",
                fields: [
                    "nominalcode": .string, "nominalcodepurchase": .string, "tax_id": .int, "accounts_mappings": .array,
                ],
                links: [.record(field: "tax_id", collection: "Tax", companion: "tax_name")],
                embedded: [
                    EmbeddedList(
                        field: "accounts_mappings", parentField: "gid",
                        fields: [
                            "id": .int, "gid": .int, "tenantid": .string, "nominalcode": .string,
                            "nominalcode_purchase": .string,
                            "itemcode": .string, "taxcode": .int, "taxcode_purchase": .int, "tax_name": .string,
                            "tax_name_purchase": .string,
                        ],
                        taxLinks: [("taxcode", "tax_name"), ("taxcode_purchase", "tax_name_purchase")]
                    )
                ]),
            HaloCollection("TopLevel", fields: ["parentid": .int]),
            HaloCollection(
                "Client", listKey: "clients",
                fields: [
                    "toplevel_id": .int, "inactive": .bool, "accountsid": .string, "excludefrominvoicesync": .bool,
                    "exact_division": .int, "dbc_company_id": .string, "sage_business_cloud_details_id": .int,
                    "main_site_id": .int, "sales_tax_code": .int, "purchase_tax_code": .int, "item_tax_code": .int,
                    "service_tax_code": .int, "prepay_tax_code": .int, "contract_tax_code": .int,
                    "tax_number": .string, "accountsemailaddress": .string,
                ],
                links: [
                    .record(field: "toplevel_id", collection: "TopLevel", companion: "toplevel_name"),
                    .record(field: "main_site_id", collection: "Site", companion: "main_site_name"),
                    .record(
                        field: "sage_business_cloud_details_id", collection: "SageBusinessCloudDetails",
                        companion: "sage_business_cloud_details_name"),
                    .exactDivision(field: "exact_division", companion: "exact_division_name"),
                    .businessCentralCompany(field: "dbc_company_id", companion: "dbc_company_name"),
                ],
                filters: ["toplevel_id": "toplevel_id"], hidesInactive: true),
            HaloCollection(
                "Site", listKey: "sites", fields: ["client_id": .number, "inactive": .bool, "accountsid": .string],
                links: [.record(field: "client_id", collection: "Client", companion: "client_name")],
                filters: ["client_id": "client_id"], hidesInactive: true),
            HaloCollection(
                "Item", listKey: "items",
                fields: [
                    "assetgroup_id": .int, "accountsid": .string, "ignore_from_accounting_sync": .bool, "taxcode": .int,
                    "nominalcode": .string, "purchasenominalcode": .string, "baseprice": .number, "costprice": .number,
                    "exact_division": .int, "dbc_company_id": .string, "sage_business_cloud_details_id": .int,
                    "supplier_id": .int,
                ],
                links: [
                    .record(field: "assetgroup_id", collection: "AssetGroup", companion: "assetgroup_name"),
                    .record(field: "taxcode", collection: "Tax", companion: "taxcode_name"),
                    .record(field: "supplier_id", collection: "Supplier", companion: "supplier_name"),
                    .record(
                        field: "sage_business_cloud_details_id", collection: "SageBusinessCloudDetails",
                        companion: "sage_business_cloud_details_name"),
                    .exactDivision(field: "exact_division", companion: "exact_division_name"),
                    .businessCentralCompany(field: "dbc_company_id", companion: "dbc_company_name"),
                ],
                filters: [
                    "assetgroup_id": "assetgroup_id", "exactdivision": "exact_division",
                    "dbc_company_id": "dbc_company_id",
                    "sagebusinesscloudtenantid": "sage_business_cloud_details_id", "supplier_id": "supplier_id",
                ]),
            HaloCollection(
                "Supplier", listKey: "suppliers",
                fields: [
                    "toplevel_id": .int, "accounts_id": .string, "ignore_from_accounting_sync": .bool,
                    "inactive": .bool,
                ],
                links: [.record(field: "toplevel_id", collection: "TopLevel", companion: "toplevel_name")],
                filters: ["toplevel_id": "toplevel_id"], hidesInactive: true),
            HaloCollection(
                "IntegrationError", listKey: "errors",
                fields: [
                    "module_id": .int, "detail_id": .int, "entity_type": .string, "entity_id": .int,
                    "entity_name": .string,
                    "endpoint": .string, "error": .string, "date": .string,
                ],
                filters: ["module_id": "module_id", "detail_id": "detail_id"], named: false),
            HaloCollection(
                "ExternalLink", listKey: "externallinks",
                fields: [
                    "table_id": .int, "module_id": .int, "halo_id": .int, "details_id": .int, "third_party_id": .string,
                    "third_party_desc": .string, "halo_desc": .string, "third_party_type": .string,
                ],
                filters: [
                    "table_id": "table_id", "module_id": "module_id", "halo_id": "halo_id", "details_id": "details_id",
                    "third_party_id": "third_party_id", "third_party_type": "third_party_type",
                ], named: false),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name.lowercased(), $0) })
    }()

    /// The Control singleton's typed fields.
    static let controlFields: [String: FieldType] = [
        "id": .int, "exactdefaultdivision": .int, "exact_default_invoice_status": .int, "dbc_default_company": .string,
        "dbcdefaulttenantname": .string, "sagebusinessclouddefaulttenantid": .int, "autogenerate_accountsid": .bool,
        "autogenerate_itemaccountsid": .bool, "enable_legacy_dbc_integration": .bool,
        "show_accounts_success_message": .bool,
    ]
}
