import HaloformCore
import JSONText

/// A small Halo and its accounting catalogs, as the planner tests see them.
enum PlannerFixtures {
    static let config = """
        halo: { url: "sandbox:s.json" }
        exact_online:
          enabled: true
          default_tenant: nl
          default_invoice_status: open
          tenants:
            - name: nl
              location: nl
              division: 100
              client_id: app
              client_secret: ${env:EXACT_SECRET}
              tax_rates:
                mappings:
                  - { halo: BTW hoog, exact: "2" }
              customers:
                top_level: Customers NL
                mappings:
                  - { halo: Acme BV, exact: "1001" }
                  - { halo: Globex BV, exact: "1002" }
              products:
                default_group: Services
                group_mappings:
                  - { exact: "100", halo: Hardware }
              sync: { entities: [customers, invoices], show_success_message: true }
        business_central:
          enabled: true
          default_tenant: prod
          tenants:
            - name: prod
              azure_tenant_id: aad
              client_id: bcapp
              client_secret: ${env:BC_SECRET}
              environment: Production
              company: CRONUS NL
              accounts: { default_sales: "8000" }
              customers: { mappings: [ { halo: Initech, business_central: "10000" } ] }
              sync: { entities: [invoices], line_numbers: { group_increment: 1000, line_increment: 1 } }
        sage_business_cloud:
          default_tenant: uk
          tenants:
            - name: uk
              business: Acme Ltd
              tax_rates: { mappings: [ { halo: Standard, sage: GB_STANDARD } ] }

        """

    /// Halo before anything was configured.
    static var emptyHalo: RemoteState {
        RemoteState(
            records: [
                .features: [
                    ["id": 1, "module_name": "Exact Online", "enabled": false],
                    ["id": 2, "module_name": "Business Central", "enabled": false],
                    ["id": 3, "module_name": "Sage Business Cloud", "enabled": false],
                ],
                .tax: [
                    ["id": 1, "name": "BTW hoog"], ["id": 2, "name": "Standard"], ["id": 3, "name": "Exempt"],
                ],
                .exactDetails: [], .businessCentralDetails: [], .sageBusinessCloudDetails: [],
            ],
            control: ["id": 1],
            clients: [
                NamedRecord(id: 1, name: "Acme BV"), NamedRecord(id: 2, name: "Globex BV"),
                NamedRecord(id: 3, name: "Initech"),
                NamedRecord(id: 4, name: "Twin"), NamedRecord(id: 5, name: "Twin"),
            ],
            productGroups: [NamedRecord(id: 1, name: "Services"), NamedRecord(id: 2, name: "Hardware")],
            topLevels: [NamedRecord(id: 1, name: "Customers NL")],
            catalogs: [
                CatalogKey(.exactOnline, "nl"): Catalog(
                    companies: [CatalogEntry(id: "100", code: "100", name: "Acme NL")],
                    customers: [
                        CatalogEntry(id: "g-1001", code: "1001", name: "Acme BV"),
                        CatalogEntry(id: "g-1002", code: "1002", name: "Globex BV"),
                        CatalogEntry(id: "g-1003", code: "1003", name: "Initech"),
                    ],
                    productGroups: [
                        CatalogEntry(id: "g-100", code: "100", name: "Hardware"),
                        CatalogEntry(id: "g-200", code: "200", name: "Software"),
                    ],
                    taxCodes: [
                        CatalogEntry(id: "v-2", code: "2", name: "BTW hoog"),
                        CatalogEntry(id: "v-1", code: "1", name: "BTW laag"),
                    ]
                ),
                CatalogKey(.businessCentral, "prod"): Catalog(
                    companies: [
                        CatalogEntry(id: "c-nl", code: "CRONUS NL", name: "CRONUS NL"),
                        CatalogEntry(id: "c-uk", code: "CRONUS UK", name: "CRONUS UK"),
                    ],
                    customers: [CatalogEntry(id: "b-10000", code: "10000", name: "Initech")],
                    accounts: [CatalogEntry(id: "a-8000", code: "8000", name: "Sales")]
                ),
                CatalogKey(.sageBusinessCloud, "uk"): Catalog(
                    companies: [CatalogEntry(id: "biz-1", code: "Acme Ltd", name: "Acme Ltd")],
                    taxCodes: [CatalogEntry(id: "GB_STANDARD", code: "GB_STANDARD", name: "Standard 20%")]
                ),
            ]
        )
    }

    static let environment = ConfigEnvironment(
        variables: ["EXACT_SECRET": "s3cr3t-exact", "BC_SECRET": "s3cr3t-bc"], isSandbox: false)

    /// Plans `config` against `remote`, expecting no errors.
    static func plan(
        _ config: String = config, against remote: RemoteState = emptyHalo, options: PlanOptions = PlanOptions()
    ) -> PlanResult {
        let loaded = load(config)
        return Planner(config: loaded.config, remote: remote, environment: environment, options: options).plan()
    }
}

/// Applies a plan to a remote state the way Halo would: upserts merge fields, creates get the next id.
struct RemoteSimulator {
    var state: RemoteState
    var createdIDs: [String: Int] = [:]

    mutating func apply(_ plan: Plan) {
        for operation in plan.operations {
            var body = operation.body
            for (field, address) in operation.deferredIDs { body[field] = .int(createdIDs[address]!) }
            for (field, _) in operation.secrets { body[field] = "written" }
            if operation.collection == .control {
                state.control.merge(body) { $1 }
                continue
            }
            var records = state[operation.collection]
            switch operation.kind {
            case .delete:
                records.removeAll { $0["id"]?.int == operation.recordID }
            case .upsert:
                if let id = operation.recordID, let index = records.firstIndex(where: { $0["id"]?.int == id }) {
                    records[index].merge(body) { $1 }
                } else {
                    let id = (records.compactMap { $0["id"]?.int }.max() ?? 0) + 1
                    body["id"] = .int(id)
                    records.append(body)
                    if let address = operation.creates { createdIDs[address] = id }
                }
            }
            state[operation.collection] = records
        }
    }
}
