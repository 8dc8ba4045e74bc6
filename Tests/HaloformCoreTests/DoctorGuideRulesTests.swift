import HaloformCore
import JSONText
import Testing

/// Item 5 of issue 10, in the doctor: it does not contradict validate, treats what the guides call a choice as a note,
/// and checks the tax that applies.
@Suite struct DoctorGuideRulesTests {
    /// One Exact Online tenant, to which tests add.
    static let exactNL = """
        halo: { url: "sandbox:s.json" }
        exact_online:
          tenants:
            - { name: nl, location: nl, division: 100, client_id: a, client_secret: "${env:S}" }

        """

    static func examine(
        _ config: String, _ remote: RemoteState, customers: [DoctorRecord] = [], products: [DoctorRecord] = []
    ) -> DoctorReport {
        let loaded = load(config)
        #expect(loaded.isValid, "\(loaded.diagnostics)")
        return Doctor(
            config: loaded.config,
            snapshot: DoctorSnapshot(remote: remote, customers: customers, products: products, suppliers: [])
        ).examine()
    }

    @Test func aSageTenantOnACustomAppIsNotToldToSync() {
        let config = """
            halo: { url: "sandbox:s.json" }
            sage_business_cloud:
              tenants:
                - { name: uk, business: Acme Ltd, authentication: custom_app, client_id: a, client_secret: "${env:S}" }

            """
        let remote = RemoteState(records: [
            .features: [["id": 3, "module_name": "Sage Business Cloud", "enabled": true]],
            .sageBusinessCloudDetails: [
                ["id": 4, "name": "uk", "sbcdnewmethod": false, "syncentities": "", "showmessage": false]
            ],
        ])
        let report = Self.examine(config, remote)
        #expect(report.findings.map(\.check) == [.syncUnsupported, .sageBusinessUnconfirmed])
        #expect(
            report.findings.first?.check.fix
                == "Nothing, if the tenant only imports; to sync, connect it with the Halo app (authentication: halo_app)"
        )
        #expect(report.isClean, "validate refuses sync entities on custom_app: the doctor must not ask for them")
    }

    @Test func entitiesTheConfigLeavesOutAreNotes() {
        let config = """
            halo: { url: "sandbox:s.json" }
            exact_online:
              tenants:
                - { name: nl, location: nl, division: 100, client_id: a, client_secret: "${env:S}", sync: { entities: [customers, invoices], show_success_message: true } }

            """
        let remote = RemoteState(records: [
            .features: [["id": 1, "module_name": "Exact Online", "enabled": true]],
            .exactDetails: [
                ["id": 1, "name": "nl", "division": 100, "syncentities": "customers", "showmessage": true]
            ],
        ])
        let report = Self.examine(config, remote)
        #expect(
            report.findings.map { "\($0.check.rawValue): \($0.reason)" } == [
                "entity_not_synced: invoices are not in its sync list: new and edited invoices do not sync",
                "entity_left_out: products are left out of sync.entities: new and edited products do not sync",
            ])
        #expect(report.findings.map(\.entity) == [.invoices, .products])
        #expect(DoctorCheck.entityLeftOut.severity == .note)
        #expect(
            report.blocked.everything == [
                "every invoice of exact_online.tenant[\"nl\"]: invoices are not in its sync list"
            ])
    }

    @Test func aBusinessCentralCustomerWithNoAccountsIDIsLeftOutByChoice() {
        let config =
            Self.exactNL + """
                business_central:
                  tenants:
                    - { name: prod, azure_tenant_id: t, client_id: a, client_secret: "${env:S}", environment: Production, company: CRONUS NL }

                """
        let remote = RemoteState(records: [
            .features: [
                ["id": 1, "module_name": "Exact Online", "enabled": true],
                ["id": 2, "module_name": "Business Central", "enabled": true],
            ],
            .exactDetails: [
                [
                    "id": 1, "name": "nl", "division": 100, "syncentities": "customers,products,invoices",
                    "showmessage": true,
                ]
            ],
            .businessCentralDetails: [
                [
                    "id": 1, "name": "prod", "company_id": "c-nl", "sync_entities": "customers,products,invoices",
                    "show_message": true,
                    "default_invoice_item": "SERVICE",
                ]
            ],
        ])
        let report = Self.examine(
            config, remote,
            customers: [
                DoctorRecord(id: 1, name: "BC Unsynced", businessCentralCompany: "c-nl"),
                DoctorRecord(id: 2, name: "Exact Blank", exactDivision: 100),
            ])
        #expect(
            report.findings.map { "\($0.check.rawValue) #\($0.id ?? 0): \($0.reason)" } == [
                "customer_no_accounts_id #2: no accounts id, so it cannot be matched in the accounting system",
                "customer_left_out_of_sync #1: no accounts id, so Business Central leaves it out of the sync, as its guide allows",
            ])
        #expect(DoctorCheck.customerLeftOutOfSync.severity == .note)
        #expect(report.blocked.customers == [.init(2, "Exact Blank")])
    }

    @Test func theTaxThatAppliesIsChecked() {
        let config = Self.exactNL
        var remote = RemoteState(
            records: [
                .features: [["id": 1, "module_name": "Exact Online", "enabled": true]],
                .exactDetails: [
                    [
                        "id": 1, "name": "nl", "division": 100, "syncentities": "customers,products,invoices",
                        "showmessage": true,
                    ]
                ],
                .tax: [
                    [
                        "id": 1, "name": "BTW hoog", "exact_division": 100,
                        "exacttaxcode": ["value": "2", "label": "BTW hoog"],
                    ],
                    ["id": 2, "name": "Unlinked"],
                ],
                .assetGroup: [
                    ["id": 1, "name": "Linked Group", "tax_id": 1], ["id": 2, "name": "Odd Group", "tax_id": 2],
                    ["id": 3, "name": "Bare", "tax_id": 0],
                ],
            ],
            control: ["id": 1, "default_item_tax_code": 1]
        )
        let products = [
            DoctorRecord(id: 1, name: "Own", accountsID: "P1", exactDivision: 100, taxID: 1, groupID: 2),
            DoctorRecord(id: 2, name: "From Group", accountsID: "P2", exactDivision: 100, groupID: 2),
            DoctorRecord(id: 3, name: "Default", accountsID: "P3", exactDivision: 100, groupID: 3),
        ]
        let customers = [
            DoctorRecord(id: 1, name: "Own Tax", accountsID: "1001", exactDivision: 100, taxID: 2),
            DoctorRecord(id: 2, name: "No Tax", accountsID: "1002", exactDivision: 100),
        ]
        let linkedDefault = Self.examine(config, remote, customers: customers, products: products)
        #expect(
            linkedDefault.findings.map { "\($0.check.rawValue) \($0.name): \($0.reason)" } == [
                "customer_tax_not_linked Own Tax: its tax rate 'Unlinked' is not linked to a tax code of exact_online.tenant[\"nl\"]",
                "product_tax_not_linked From Group: tax rate 'Unlinked' is not linked to a tax code of exact_online.tenant[\"nl\"] (from its group 'Odd Group')",
            ], "the product's own tax wins over its group's, and the global default covers a product with neither")

        remote.control["default_item_tax_code"] = 2
        let unlinkedDefault = Self.examine(config, remote, products: [products[2]])
        #expect(
            unlinkedDefault.findings.map(\.reason) == [
                "tax rate 'Unlinked' is not linked to a tax code of exact_online.tenant[\"nl\"] (the global default)"
            ])
        remote.control["default_item_tax_code"] = 0
        #expect(Self.examine(config, remote, products: [products[2]]).findings.map(\.check) == [.productTaxUnset])
    }

    @Test func aCustomersOwnTaxIsReadFromHalo() {
        #expect(DoctorRecord(client: ["id": 1, "name": "A", "item_tax_code": 3]).taxID == 3)
        #expect(DoctorRecord(client: ["id": 1, "name": "A", "item_tax_code": 0]).taxID == nil)
    }
}
