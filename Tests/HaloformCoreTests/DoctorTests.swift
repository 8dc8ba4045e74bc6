import Foundation
import HaloformCore
import JSONText
import Testing

/// `Doctor`: the guide's checklist over a small Halo with one broken thing of each kind, and healthy records beside them.
struct DoctorTests {
    static let config = """
        halo: { url: "sandbox:s.json" }
        exact_online:
          tenants:
            - { name: nl, location: nl, division: 100, client_id: a, client_secret: "${env:S}" }
        business_central:
          tenants:
            - { name: prod, azure_tenant_id: t, client_id: a, client_secret: "${env:S}", environment: Production, company: CRONUS NL }

        """

    static var remote: RemoteState {
        RemoteState(
            records: [
                .features: [
                    ["id": 1, "module_name": "Exact Online", "enabled": true],
                    ["id": 2, "module_name": "Business Central", "enabled": false],
                ],
                .exactDetails: [
                    [
                        "id": 1, "name": "nl", "division": 100, "syncentities": "customers,products,invoices",
                        "showmessage": true,
                        "client_mappings": [
                            ["halo_id": 1, "third_party_id": "g-1"], ["halo_id": 2, "third_party_id": "g-2"],
                        ],
                    ]
                ],
                .businessCentralDetails: [
                    [
                        "id": 1, "name": "prod", "company_id": "c-nl", "sync_entities": "customers,products",
                        "show_message": false,
                        "default_invoice_item": "GONE", "client_mappings": [["halo_id": 2, "third_party_id": "b-1"]],
                    ]
                ],
                .tax: [
                    [
                        "id": 1, "name": "BTW hoog", "exact_division": 100,
                        "exacttaxcode": ["value": "2", "label": "BTW hoog"],
                    ],
                    ["id": 2, "name": "Unlinked"],
                ],
                .assetGroup: [["id": 1, "name": "Services", "tax_id": 1], ["id": 2, "name": "Bare", "tax_id": 0]],
            ],
            catalogs: [
                CatalogKey(.exactOnline, "nl"): Catalog(accounts: [CatalogEntry(id: "x", code: "8000", name: "Omzet")]),
                CatalogKey(.businessCentral, "prod"): Catalog(
                    companies: [CatalogEntry(id: "c-nl", code: "CRONUS NL", name: "CRONUS NL")],
                    items: [CatalogEntry(id: "i", code: "SERVICE", name: "Service")]
                ),
            ]
        )
    }

    static var snapshot: DoctorSnapshot {
        DoctorSnapshot(
            remote: remote,
            customers: [
                DoctorRecord(id: 1, name: "Mapped", accountsID: "1001"),
                DoctorRecord(id: 2, name: "Twice", accountsID: "1002", exactDivision: 100),
                DoctorRecord(id: 3, name: "Healthy", accountsID: "1003", exactDivision: 100),
                DoctorRecord(id: 4, name: "No Id", exactDivision: 100),
                DoctorRecord(id: 5, name: "Excluded", accountsID: "1005", excluded: true, exactDivision: 100),
                DoctorRecord(id: 6, name: "Lettered", accountsID: "C6", exactDivision: 100),
                DoctorRecord(id: 7, name: "Same A", accountsID: "1007", exactDivision: 100),
                DoctorRecord(id: 8, name: "Same B", accountsID: "1007", exactDivision: 100),
                DoctorRecord(id: 9, name: "Loose", accountsID: "1009"),
                DoctorRecord(id: 10, name: "Stray", accountsID: "1010", exactDivision: 999),
                DoctorRecord(id: 11, name: "Elsewhere", accountsID: "", sageTenant: 4),
                DoctorRecord(id: 12, name: "Asleep", inactive: true),
                DoctorRecord(id: 13, name: "BC Healthy", accountsID: "C13", businessCentralCompany: "c-nl"),
            ],
            products: [
                DoctorRecord(
                    id: 1, name: "Good", accountsID: "P1", exactDivision: 100, taxID: 1, accountCodes: ["8000"]),
                DoctorRecord(id: 2, name: "Group Tax", accountsID: "P2", exactDivision: 100, groupID: 1),
                DoctorRecord(id: 3, name: "No Tax", accountsID: "P3", exactDivision: 100, groupID: 2),
                DoctorRecord(id: 4, name: "Unlinked Tax", accountsID: "P4", exactDivision: 100, taxID: 2),
                DoctorRecord(
                    id: 5, name: "Odd Code", accountsID: "P5", exactDivision: 100, taxID: 1,
                    accountCodes: ["8000", "9999"]),
                DoctorRecord(id: 6, name: "Copy A", accountsID: "P6", exactDivision: 100, taxID: 1),
                DoctorRecord(id: 7, name: "Copy B", accountsID: "P6", exactDivision: 100, taxID: 1),
                DoctorRecord(id: 8, name: "BC Product", accountsID: "P8", businessCentralCompany: "c-nl"),
                DoctorRecord(id: 9, name: "Nowhere", accountsID: "P9", taxID: 1),
            ],
            suppliers: [
                DoctorRecord(id: 1, name: "Fine", accountsID: "S1"), DoctorRecord(id: 2, name: "Blank"),
                DoctorRecord(id: 3, name: "Off", accountsID: "S3", excluded: true),
            ]
        )
    }

    static func examine() -> DoctorReport {
        Doctor(config: load(config).config, snapshot: snapshot).examine()
    }

    @Test func findsEachBrokenThingWithItsReasonAndNothingElse() {
        let report = Self.examine()
        let lines = report.findings.map {
            "\($0.check.rawValue) \($0.id.map { "#\($0) " } ?? "")\($0.name): \($0.reason)"
        }
        #expect(
            lines == [
                "module_disabled business_central: the Business Central module is disabled: nothing syncs",
                "entity_not_synced business_central.tenant[\"prod\"]: invoices are not in its sync list: new and edited invoices do not sync",
                "success_message_off business_central.tenant[\"prod\"]: no message shows for each successful sync, so failures go unseen",
                "default_invoice_product_unknown business_central.tenant[\"prod\"]: item 'GONE' is not in Business Central",
                "customer_not_linked #9 Loose: linked to no tenant of exact_online, business_central",
                "customer_not_linked #10 Stray: linked to Exact Online division 999, which no declared tenant connects",
                "customer_no_accounts_id #4 No Id: no accounts id, so it cannot be matched in the accounting system",
                "customer_excluded #5 Excluded: 'Exclude from Accounting Integration' is on",
                "customer_id_not_numeric #6 Lettered: accounts id 'C6' is not a number, as Exact Online needs",
                "customer_id_duplicate #7 Same A: accounts id '1007' is shared with 'Same B'",
                "customer_id_duplicate #8 Same B: accounts id '1007' is shared with 'Same A'",
                "customer_linked_twice #2 Twice: linked to accounting customers in business_central.tenant[\"prod\"] and exact_online.tenant[\"nl\"]; the one synced last wins",
                "product_not_linked #9 Nowhere: linked to no tenant of exact_online, business_central",
                "product_id_duplicate #6 Copy A: accounts id 'P6' is shared with 'Copy B'",
                "product_id_duplicate #7 Copy B: accounts id 'P6' is shared with 'Copy A'",
                "product_tax_unset #3 No Tax: no tax rate, on the product, its group or as the global default",
                "product_tax_not_linked #4 Unlinked Tax: tax rate 'Unlinked' is not linked to a tax code of exact_online.tenant[\"nl\"]",
                "product_account_code_unknown #5 Odd Code: accounts code '9999' is not in exact_online.tenant[\"nl\"]'s chart of accounts",
                "supplier_no_accounts_id #2 Blank: no accounts id, so its purchase orders do not sync",
                "supplier_excluded #3 Off: 'Exclude from Accounting Integration' is on",
                "customer_inactive #12 Asleep: inactive, so it was not checked",
            ])
        let nl = CatalogKey(.exactOnline, "nl"), prod = CatalogKey(.businessCentral, "prod")
        #expect(
            report.findings.map(\.tenant) == [
                nil, prod, prod, prod, nil, nil, nl, nl, nl, nil, nil, nl, nil, nil, nil, nl, nl, nl, nil, nil, nil,
            ], "a tenant's own findings name it; a record's, the first tenant it is linked to")
        #expect(report.findings.map(\.entity) == [nil, .invoices] + Array(repeating: nil, count: 19))
        #expect(!report.isClean)
        #expect(
            report.checked
                == DoctorReport.Checked(tenants: 2, customers: 11, products: 9, suppliers: 3, inactiveCustomers: 1))
        #expect(
            report.blocked
                == DoctorReport.Blocked(
                    everything: [
                        "every invoice of business_central: the Business Central module is disabled: nothing syncs",
                        "every invoice of business_central.tenant[\"prod\"]: invoices are not in its sync list",
                    ],
                    customers: [
                        .init(9, "Loose"), .init(10, "Stray"), .init(4, "No Id"), .init(5, "Excluded"),
                        .init(6, "Lettered"), .init(7, "Same A"), .init(8, "Same B"),
                    ],
                    products: [
                        .init(9, "Nowhere"), .init(6, "Copy A"), .init(7, "Copy B"), .init(3, "No Tax"),
                        .init(4, "Unlinked Tax"), .init(5, "Odd Code"),
                    ],
                    suppliers: [.init(2, "Blank"), .init(3, "Off")]
                ))
    }

    @Test func healthyHaloIsClean() {
        var snapshot = Self.snapshot
        snapshot.customers = [DoctorRecord(id: 3, name: "Healthy", accountsID: "1003", exactDivision: 100)]
        snapshot.products = [
            DoctorRecord(id: 1, name: "Good", accountsID: "P1", exactDivision: 100, taxID: 1, accountCodes: ["8000"])
        ]
        snapshot.suppliers = []
        snapshot.remote[.businessCentralDetails] = []
        snapshot.remote[.exactDetails][0]["client_mappings"] = []
        let config = load(
            """
            halo: { url: "sandbox:s.json" }
            exact_online:
              tenants:
                - { name: nl, location: nl, division: 100, client_id: a, client_secret: "${env:S}" }

            """
        ).config
        let report = Doctor(config: config, snapshot: snapshot).examine()
        #expect(report.findings == [])
        #expect(report.isClean)
        #expect(
            DoctorTextRenderer().render(report)
                == "Checked 1 tenant, 1 customers, 1 products and 0 suppliers.\n\nNo problems found.\n")
    }

    @Test func textGroupsByCheckWithCountsAndFixes() {
        let text = DoctorTextRenderer(namesPerLine: 3).render(Self.examine())
        #expect(text.hasPrefix("Checked 2 tenants, 11 customers, 9 products and 3 suppliers.\n"))
        #expect(
            text.contains(
                """

                Exact Online customers sharing an accounts id (2)
                  fix: Give each customer its own numerical ID for accounting integration
                  - Same A (#7): accounts id '1007' is shared with 'Same B'
                  - Same B (#8): accounts id '1007' is shared with 'Same A'

                """))
        #expect(
            text.hasSuffix(
                """

                These findings will stop:
                  - every invoice of business_central: the Business Central module is disabled: nothing syncs
                  - every invoice of business_central.tenant["prod"]: invoices are not in its sync list
                  - invoices of 7 customers: Loose (#9), Stray (#10), No Id (#4) and 4 more
                  - invoices with a line of 6 products: Nowhere (#9), Copy A (#6), Copy B (#7) and 3 more
                  - purchase orders of 2 suppliers: Blank (#2), Off (#3)

                19 problems, 1 recommendation, 1 note.

                """))
    }

    @Test func sageBusinessIsANoteAsHaloKeepsNone() {
        let config = load(
            """
            halo: { url: "sandbox:s.json" }
            sage_business_cloud:
              tenants:
                - { name: uk, business: Acme Ltd, sync: { entities: [customers, products, invoices], show_success_message: true } }

            """
        ).config
        let remote = RemoteState(records: [
            .features: [["id": 3, "module_name": "Sage Business Cloud", "enabled": true]],
            .sageBusinessCloudDetails: [
                ["id": 4, "name": "uk", "syncentities": "customers,products,invoices", "showmessage": true]
            ],
        ])
        let report = Doctor(
            config: config, snapshot: DoctorSnapshot(remote: remote, customers: [], products: [], suppliers: [])
        ).examine()
        #expect(report.findings.map(\.check) == [.sageBusinessUnconfirmed])
        #expect(
            report.findings.first?.reason
                == "Halo keeps no Sage business on the tenant (its own Sage login picks it), so haloform cannot confirm it is 'Acme Ltd', the business whose codes it reads"
        )
        #expect(report.findings.first?.tenant == CatalogKey(.sageBusinessCloud, "uk"))
        #expect(report.isClean, "a note blocks nothing")
    }

    @Test func findingsWriteTheirTenantAsItsAddress() throws {
        let finding = DoctorFinding(
            .entityNotSynced, .tenant, name: "n", tenant: CatalogKey(.businessCentral, "a\"]b"), entity: .invoices,
            reason: "r")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = String(decoding: try encoder.encode(finding), as: UTF8.self)
        #expect(
            json
                == #"{"check":"entity_not_synced","entity":"invoices","name":"n","reason":"r","subject":"tenant","tenant":"business_central.tenant[\"a\"]b\"]"}"#
        )
    }

    @Test func recordsReadFromHaloFields() {
        let item = DoctorRecord(item: [
            "id": 4, "name": "Laptop", "accountsid": " P-4 ", "ignore_from_accounting_sync": true, "exact_division": 0,
            "dbc_company_id": "c-1", "sage_business_cloud_details_id": 3, "taxcode": 0, "assetgroup_id": 2,
            "nominalcode": "8000", "purchasenominalcode": "",
        ])
        #expect(
            item
                == DoctorRecord(
                    id: 4, name: "Laptop", accountsID: "P-4", excluded: true, businessCentralCompany: "c-1",
                    sageTenant: 3,
                    groupID: 2, accountCodes: ["8000"]))
        let client = DoctorRecord(client: [
            "id": 9, "name": "Acme", "inactive": true, "accountsid": "1009", "excludefrominvoicesync": false,
            "exact_division": 123456,
        ])
        #expect(client == DoctorRecord(id: 9, name: "Acme", inactive: true, accountsID: "1009", exactDivision: 123456))
        // Halo's Item has no `inactive`, and the document gives `status` no values: no product is judged inactive.
        #expect(!DoctorRecord(item: ["id": 5, "name": "Old", "inactive": true, "status": 2]).inactive)
        let supplier = DoctorRecord(supplier: [
            "id": 2, "name": "Dustin", "accounts_id": "S-2", "ignore_from_accounting_sync": true,
        ])
        #expect(supplier == DoctorRecord(id: 2, name: "Dustin", accountsID: "S-2", excluded: true))
    }
}
