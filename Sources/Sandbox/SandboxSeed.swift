/// The seed dataset, generated in code so it is deterministic and small in the repository.
///
/// Halo: top levels "Customers NL" (1), "Customers BE" (2), "Customers UK" (3), "Customers" (4), "Suppliers" (5);
/// product groups (AssetGroup) "Services" (1), "Hardware", "Software", "Licences", "Furniture", "Consultancy", "Cloud",
/// "Networking", "Security", "Training" (10); taxes "BTW hoog 21%" (1), "BTW laag 9%", "BTW geen 0%", "Standard 20%",
/// "Reduced 5%", "Zero 0%" (6); 300 clients ("Acme BV" … "Tyrell BV", then "Customer 0011" … "Customer 0300"), each with
/// a main site of the same id; 150 items ("Managed Workplace" … then "Product 0011" … "Product 0150"); 30 suppliers;
/// feature switches (Exact Online, Business Central, Sage Business Cloud disabled); the Control singleton (id 1).
/// No *Details records: a first plan creates them. Halo's error log (`/IntegrationError`) holds eight failed syncs dated
/// back from the moment the state is made (`integrationErrors(at:)`).
///
/// Deliberately broken records, for `haloform doctor`:
/// - clients with no accounts id: every 25th ("Customer 0025", "Customer 0050", … "Customer 0300");
/// - clients excluded from invoice sync: ids 13, 53, 93, … (id % 40 == 13);
/// - inactive clients: ids 17, 67, 117, … (id % 50 == 17);
/// - items excluded from accounting sync: ids 7, 37, 67, 97, 127 (id % 30 == 7);
/// - duplicate product ids: items 40 and 41 share accountsid "P-0040", items 90 and 91 share "P-0090";
/// - suppliers: 12 has no accounts id, 20 is excluded from accounting sync.
///
/// Near-duplicates, for `haloform suggest` (Halo clients 301 … 312, all under "Customers NL", against Exact accounts
/// "2001" … "2011" in both divisions): `nearDuplicates` lists each case and what suggest must make of it.
///
/// Exact Online: divisions 123456 "Acme Nederland BV" (current) and 234567 "Acme België BV"; in each, accounts "1001" …
/// "1250" (codes stored right-aligned in 18 characters) named after the Halo clients in order, item groups "100"
/// Hardware, "200" Software, "300" Services (default), "400" Licences, VAT codes "0  " (0), "1  " (0.09), "2  " (0.21),
/// GL accounts "8000", "8010", "7000", "4000", and 100 items "ITEM001" … "ITEM100".
///
/// Business Central: AAD tenant `SandboxCredentials.businessCentralTenant`; environments "Production" and "Sandbox", each
/// with companies "CRONUS NL" and "CRONUS UK"; in each, 200 customers "10000", "10010", … named after the Halo clients,
/// item categories CHAIR, DESK, FURNITURE, SERVICE, SUPPLIERS, items (including "SERVICE"), accounts "8000", "7000",
/// "2000", "4000", tax groups and countries.
///
/// Sage: businesses "Acme Ltd" (the lead) and "Acme Services Ltd"; customers with references "ACME001", "GLOBEX001", …
/// "TYRELL001", then "CUST0011" … (200 in the lead business, 60 in the other) plus 10 suppliers; catalog item types
/// STOCK_ITEM, NON_STOCK_ITEM, SERVICE; tax rates GB_STANDARD, GB_REDUCED, GB_ZERO, GB_EXEMPT; ledger accounts "4000",
/// "4900", "5000"; 24 products and 12 services (the first service is "SERVICE").
enum SandboxSeed {
    /// The seeded state, built once per process, without the error log (its dates follow the clock: `state(at:)`).
    static let state: SandboxState = SandboxState(
        halo: haloState, exactOnline: exactOnlineState, businessCentral: businessCentralState, sage: sageState)

    /// The seeded state as it starts at `now` (seconds since 1970): Halo's error log dated back from then, so the
    /// doctor's default window of 7 days always holds the same errors of a fresh state, whenever it is made.
    static func state(at now: Double) -> SandboxState {
        var seeded = state
        seeded.halo.tables["IntegrationError"] = table(integrationErrors(at: now))
        return seeded
    }

    /// The failed syncs Halo's log starts with, for the first tenant of each integration an apply creates (record id 1:
    /// exact-be, bc-prod and sage-uk in examples/acme, whose files are read in name order), by the `/Features` id of its module (Exact Online 2, Business
    /// Central 3, Sage Business Cloud 4), `hours` before `now`; one is 10 days old, outside the doctor's default
    /// window, and one belongs to QuickBooks Online (6), which no example declares.
    static func integrationErrors(at now: Double) -> [JSONObject] {
        let entries:
            [(module: Int, type: String, id: Int, name: String, endpoint: String, error: String, hours: Double)] = [
                (
                    2, "Invoice", 42, "INV-0042", "salesinvoice/SalesInvoices",
                    "The item on the invoice cannot be synced to Exact: check the item has the Exact company set and a unique product ID",
                    1
                ),
                (
                    2, "Invoice", 42, "INV-0042", "salesinvoice/SalesInvoices",
                    "The item on the invoice cannot be synced to Exact: check the item has the Exact company set and a unique product ID",
                    26
                ),
                (
                    2, "Invoice", 42, "INV-0042", "salesinvoice/SalesInvoices",
                    "The item on the invoice cannot be synced to Exact: check the item has the Exact company set and a unique product ID",
                    50
                ),
                (2, "Customer", 2, "Globex BV", "crm/Accounts", "Code 1002 is already in use by another account", 49),
                (
                    2, "Invoice", 7, "INV-0007", "salesinvoice/SalesInvoices",
                    "The authorisation token for the integration has expired", 240
                ),
                (
                    3, "Invoice", 43, "INV-0043", "salesInvoices",
                    "Item SERVICE: Gen. Prod. Posting Group must have a value", 5
                ),
                (
                    4, "Customer", 6, "Stark Ltd", "contacts",
                    "contact_type_ids: at least one contact type is required", 72
                ),
                (6, "Invoice", 44, "INV-0044", "invoice", "Token expired", 2),
            ]
        return entries.enumerated().map { index, entry in
            JSONObject([
                ("id", .int(index + 1)), ("module_id", .int(entry.module)), ("detail_id", 1),
                ("entity_type", .string(entry.type)),
                ("entity_id", .int(entry.id)), ("entity_name", .string(entry.name)),
                ("endpoint", .string(entry.endpoint)),
                ("error", .string(entry.error)),
                ("date", .string(ISODate.format(milliseconds: Int(((now - entry.hours * 3600) * 1000).rounded())))),
            ])
        }
    }

    /// The first ten Halo clients, by name; the rest are "Customer 0011" onwards.
    static let namedClients = [
        "Acme BV", "Globex BV", "Initech BV", "Hooli BV", "Umbrella NV", "Stark Ltd", "Wayne Ltd", "Wonka Ltd",
        "Cyberdyne GmbH", "Tyrell BV",
    ]

    /// The name of Halo client `id` (1-based).
    static func clientName(_ id: Int) -> String {
        if id > 300 { return nearDuplicates[id - 301].halo }
        return id <= namedClients.count ? namedClients[id - 1] : "Customer \(String(id).leftPadded(to: 4, with: "0"))"
    }

    /// One seeded near-duplicate: a Halo client (id 301 onwards, under "Customers NL") and an Exact account beside it.
    struct NearDuplicate {
        /// The Halo client's name.
        let halo: String
        /// Its `tax_number` and `accountsemailaddress`.
        let haloVAT: String, haloEmail: String
        /// Whether it is inactive.
        let inactive: Bool
        /// The Exact account (code, name, VAT number, chamber of commerce number, e-mail), if this case adds one.
        let exact: (code: String, name: String, vat: String, chamber: String, email: String)?
    }

    /// The near-duplicate cases. True pairs: 301 → 2001 (VAT number), 302 → 2002 (e-mail domain), 304 → 2004 (name
    /// after legal form and accents), 305 → 2005 (a typo), 311 → 2009 (a VAT number 2009 and 2010 share, and the name).
    /// False pairs: 303 / 2003 share only a free-mail provider, 309 / 2007 are near in form only, 310 / 2008 have one
    /// name and different VAT numbers, 312 / 2011 would match but 312 is inactive. Conflicts: 306 and 307 both claim
    /// 2006; 308 has the VAT number of account 1001, which the acme example maps to "Acme BV".
    static let nearDuplicates: [NearDuplicate] = [
        NearDuplicate(
            halo: "Van den Berg Installatietechniek B.V.", haloVAT: "NL812345678B01", haloEmail: "", inactive: false,
            exact: ("2001", "Berg Installatie Groep", "NL 8123.45.678.B01", "", "")),
        NearDuplicate(
            halo: "Brouwer & Zonen", haloVAT: "", haloEmail: "facturen@brouwerzonen.nl", inactive: false,
            exact: ("2002", "Brouwer en Zn.", "", "", "administratie@brouwerzonen.nl")),
        NearDuplicate(
            halo: "Jansen Logistiek", haloVAT: "", haloEmail: "jansen.logistiek@gmail.com", inactive: false,
            exact: ("2003", "Pieters Transport", "", "", "pieters.transport@gmail.com")),
        NearDuplicate(
            halo: "Café Noordzee B.V.", haloVAT: "", haloEmail: "", inactive: false,
            exact: ("2004", "Cafe Noordzee", "", "", "")),
        NearDuplicate(
            halo: "Dekker Bouwmaterialen BV", haloVAT: "", haloEmail: "", inactive: false,
            exact: ("2005", "Dekker Bouwmaterialn", "", "", "")),
        NearDuplicate(
            halo: "Smit Advies", haloVAT: "", haloEmail: "", inactive: false,
            exact: ("2006", "Smit Advies BV", "", "", "")),
        NearDuplicate(halo: "Smit Advies B.V.", haloVAT: "", haloEmail: "", inactive: false, exact: nil),
        NearDuplicate(halo: "Acme Nederland", haloVAT: "NL001234567B01", haloEmail: "", inactive: false, exact: nil),
        NearDuplicate(
            halo: "Bakker Software BV", haloVAT: "", haloEmail: "", inactive: false,
            exact: ("2007", "Bakker Hardware BV", "", "", "")),
        NearDuplicate(
            halo: "Jansen Installatie BV", haloVAT: "NL111111111B01", haloEmail: "", inactive: false,
            exact: ("2008", "Jansen Installatie", "NL222222222B01", "", "")),
        NearDuplicate(
            halo: "Visser Groep", haloVAT: "NL333333333B01", haloEmail: "", inactive: false,
            exact: ("2009", "Visser Groep Holding", "NL333333333B01", "30123456", "")),
        NearDuplicate(
            halo: "Hendriks Techniek BV", haloVAT: "", haloEmail: "", inactive: true,
            exact: ("2011", "Hendriks Techniek", "", "", "")),
    ]

    /// The Exact account the near-duplicates add beside their own: one sharing 2009's VAT number.
    static let sharedVATAccount = (
        code: "2010", name: "Visser Groep Services", vat: "NL333333333B01", chamber: "30123457", email: ""
    )

    /// A fixed moment of the seed, `days` after 2024-01-02 09:30 UTC, in milliseconds since 1970.
    static func milliseconds(days: Int, minutes: Int = 0) -> Int {
        1_704_187_800_000 + days * 86_400_000 + minutes * 60_000
    }

    /// The same moment as ISO-8601 with milliseconds.
    static func isoDate(days: Int, minutes: Int = 0) -> String {
        ISODate.format(milliseconds: milliseconds(days: days, minutes: minutes))
    }

    // MARK: Halo

    private static let topLevels = ["Customers NL", "Customers BE", "Customers UK", "Customers", "Suppliers"]
    private static let assetGroups = [
        "Services", "Hardware", "Software", "Licences", "Furniture", "Consultancy", "Cloud", "Networking", "Security",
        "Training",
    ]
    private static let taxes: [(String, String, Double)] = [
        ("BTW hoog 21%", "21", 21), ("BTW laag 9%", "9", 9), ("BTW geen 0%", "0", 0), ("Standard 20%", "20", 20),
        ("Reduced 5%", "5", 5), ("Zero 0%", "0", 0),
    ]
    private static let namedItems: [(String, Int)] = [
        ("Managed Workplace", 1), ("Laptop 14 inch", 2), ("Office 365 E3 Licence", 4), ("Firewall Appliance", 8),
        ("Consultancy Hour", 6), ("Cloud Backup 100GB", 7), ("Desk Chair", 5), ("Standing Desk", 5),
        ("Network Switch 24 port", 8), ("Security Awareness Training", 10),
    ]
    private static let suppliers = ["Ingram Micro", "TD Synnex", "Dustin", "Copaco", "Exclusive Networks"]

    private static func table(_ records: [JSONObject]) -> HaloTable {
        HaloTable(records: records, nextID: (records.last?.recordID ?? 0) + 1)
    }

    private static var haloState: HaloState {
        let topLevelTable = table(
            topLevels.enumerated().map { JSONObject([("id", .int($0.offset + 1)), ("name", .string($0.element))]) })
        let taxTable = table(
            taxes.enumerated().map { index, tax in
                JSONObject([
                    ("id", .int(index + 1)), ("name", .string(tax.0)), ("code", .string(tax.1)),
                    ("value", .double(tax.2)),
                    ("exact_division", 0), ("exacttaxcode", .null), ("sage_tenant_id", 0),
                    ("sagebusinesscloudtaxcode", .null),
                ])
            })
        let groupTable = table(
            assetGroups.enumerated().map { index, name in
                JSONObject([
                    ("id", .int(index + 1)), ("name", .string(name)), ("nominalcode", "8000"),
                    ("nominalcodepurchase", "7000"),
                    ("tax_id", 1), ("tax_name", "BTW hoog 21%"),
                ])
            })
        var clients: [JSONObject] = []
        var sites: [JSONObject] = []
        for id in 1...(300 + nearDuplicates.count) {
            let name = clientName(id)
            let duplicate = id > 300 ? nearDuplicates[id - 301] : nil
            let topLevel: Int
            if duplicate != nil || name.hasSuffix(" BV") {
                topLevel = 1
            } else if name.hasSuffix(" NV") {
                topLevel = 2
            } else if name.hasSuffix(" Ltd") {
                topLevel = 3
            } else if id <= 10 {
                topLevel = 4
            } else {
                topLevel = [1, 2, 3, 4][id % 4]
            }
            let accountsID =
                duplicate != nil
                ? String(2000 + id)
                : id % 25 == 0 ? "" : (id <= 250 ? String(1000 + id) : "C\(String(id).leftPadded(to: 4, with: "0"))")
            clients.append(
                JSONObject([
                    ("id", .int(id)), ("name", .string(name)), ("toplevel_id", .int(topLevel)),
                    ("toplevel_name", .string(topLevels[topLevel - 1])),
                    ("inactive", .bool(duplicate?.inactive ?? (id % 50 == 17))),
                    ("tax_number", .string(duplicate?.haloVAT ?? "")),
                    ("accountsemailaddress", .string(duplicate?.haloEmail ?? "")),
                    ("accountsid", .string(accountsID)), ("excludefrominvoicesync", .bool(id % 40 == 13)),
                    ("exact_division", 0), ("dbc_company_id", ""), ("sage_business_cloud_details_id", 0),
                    ("main_site_id", .int(id)), ("main_site_name", "Head Office"),
                ]))
            sites.append(
                JSONObject([
                    ("id", .int(id)), ("name", "Head Office"), ("client_id", .int(id)), ("client_name", .string(name)),
                    ("inactive", false), ("accountsid", .string(accountsID)),
                ]))
        }
        var items: [JSONObject] = []
        for id in 1...150 {
            let name =
                id <= namedItems.count ? namedItems[id - 1].0 : "Product \(String(id).leftPadded(to: 4, with: "0"))"
            let group = id <= namedItems.count ? namedItems[id - 1].1 : id % 10 + 1
            let code = id == 41 ? 40 : (id == 91 ? 90 : id)
            items.append(
                JSONObject([
                    ("id", .int(id)), ("name", .string(name)), ("assetgroup_id", .int(group)),
                    ("assetgroup_name", .string(assetGroups[group - 1])),
                    ("accountsid", .string("P-\(String(code).leftPadded(to: 4, with: "0"))")),
                    ("ignore_from_accounting_sync", .bool(id % 30 == 7)), ("taxcode", 1),
                    ("taxcode_name", "BTW hoog 21%"),
                    ("nominalcode", "8000"), ("baseprice", .double(Double(10 + id * 5))),
                    ("costprice", .double(Double(5 + id * 3))),
                    ("exact_division", 0), ("dbc_company_id", ""), ("sage_business_cloud_details_id", 0),
                ]))
        }
        let supplierRecords = (1...30).map { id in
            JSONObject([
                ("id", .int(id)),
                (
                    "name",
                    .string(
                        id <= suppliers.count
                            ? suppliers[id - 1] : "Supplier \(String(id).leftPadded(to: 4, with: "0"))")
                ),
                ("toplevel_id", 5), ("toplevel_name", "Suppliers"), ("inactive", false),
                ("accounts_id", .string(id == 12 ? "" : "S-\(String(id).leftPadded(to: 4, with: "0"))")),
                ("ignore_from_accounting_sync", .bool(id == 20)),
            ])
        }
        let features = [
            ("Tickets", true), ("Exact Online", false), ("Business Central", false), ("Sage Business Cloud", false),
            ("Xero", false), ("QuickBooks Online", false), ("Billing", true), ("Projects", true),
        ].enumerated().map {
            JSONObject([
                ("id", .int($0.offset + 1)), ("module_name", .string($0.element.0)), ("enabled", .bool($0.element.1)),
            ])
        }
        let control = JSONObject([
            ("id", 1), ("exactdefaultdivision", 0), ("exact_default_invoice_status", 20), ("dbc_default_company", ""),
            ("dbcdefaulttenantname", ""), ("sagebusinessclouddefaulttenantid", 0), ("autogenerate_accountsid", false),
            ("autogenerate_itemaccountsid", false), ("enable_legacy_dbc_integration", false),
            ("show_accounts_success_message", true),
        ])
        return HaloState(
            tenant: SandboxCredentials.haloTenant, apps: [OAuthApp(SandboxCredentials.halo, name: "haloform demo")],
            control: control,
            tables: [
                "TopLevel": topLevelTable, "Tax": taxTable, "AssetGroup": groupTable, "Client": table(clients),
                "Site": table(sites), "Item": table(items), "Supplier": table(supplierRecords),
                "Features": table(features),
                "ExactDetails": HaloTable(), "BusinessCentralDetails": HaloTable(),
                "SageBusinessCloudDetails": HaloTable(),
                "ExternalLink": HaloTable(),
            ])
    }

    // MARK: Exact Online

    /// Exact's `/Date(ms)/` literal.
    static func exactDate(days: Int) -> JSON {
        .string("/Date(\(milliseconds(days: days)))/")
    }

    private static var exactOnlineState: CatalogState {
        let divisions: [(Int, String, String)] = [
            (123456, "Acme Nederland BV", "NL"), (234567, "Acme België BV", "BE"),
        ]
        var random = StableRandom(named: "exact-online")
        var tenants: [JSONObject] = []
        var entities: [String: [String: [JSONObject]]] = [:]
        for (position, division) in divisions.enumerated() {
            let (code, description, country) = division
            tenants.append(
                JSONObject([
                    ("Code", .int(code)), ("Description", .string(description)), ("Country", .string(country)),
                    ("Currency", "EUR"),
                    ("VATNumber", .string("\(country)00\(code)B01")), ("Current", .bool(position == 0)),
                    ("Main", .bool(position == 0)),
                    ("Customer", .string(random.guid())), ("CustomerName", "Acme Holding"), ("Status", 1),
                    ("Created", exactDate(days: 0)), ("Modified", exactDate(days: 30)),
                ]))
            func base(_ id: String, day: Int) -> [(String, JSON)] {
                [("ID", .string(id))]
            }
            let glAccounts: [(String, String, Int, String, String, String)] = [
                ("8000", "Omzet diensten", 110, "Omzet", "C", "W"), ("8010", "Omzet hardware", 110, "Omzet", "C", "W"),
                ("7000", "Inkoopwaarde van de omzet", 111, "Kostprijs van de omzet", "D", "W"),
                ("4000", "Personeelskosten", 120, "Kosten", "D", "W"),
            ]
            var glIDs: [String: String] = [:]
            let glRecords = glAccounts.enumerated().map { index, account in
                let id = random.guid()
                glIDs[account.0] = id
                return JSONObject([
                    ("ID", .string(id)), ("Code", .string(account.0)), ("Description", .string(account.1)),
                    ("Type", .int(account.2)), ("TypeDescription", .string(account.3)),
                    ("BalanceSide", .string(account.4)),
                    ("BalanceType", .string(account.5)), ("IsBlocked", false),
                    ("VATCode", account.0.hasPrefix("8") ? "2  " : .null),
                    ("SearchCode", .string(account.0)), ("Division", .int(code)), ("Created", exactDate(days: index)),
                    ("Modified", exactDate(days: 10 + index)),
                ])
            }
            let vatCodes: [(String, String, Double)] = [
                ("0", "BTW geen", 0), ("1", "BTW laag", 0.09), ("2", "BTW hoog", 0.21),
            ]
            let vatRecords = vatCodes.enumerated().map { index, vat in
                JSONObject([
                    ("ID", .string(random.guid())), ("Code", .string(vat.0.padding(toLength: 3))),
                    ("Description", .string(vat.1)),
                    ("Percentage", .double(vat.2)), ("Type", "B"), ("VATTransactionType", "S"), ("IsBlocked", false),
                    ("Charged", false), ("CalculationBasis", 1), ("Division", .int(code)),
                    ("Created", exactDate(days: index)),
                    ("Modified", exactDate(days: 20 + index)),
                ])
            }
            let groups: [(String, String)] = [
                ("100", "Hardware"), ("200", "Software"), ("300", "Services"), ("400", "Licences"),
            ]
            var groupIDs: [String] = []
            let groupRecords = groups.enumerated().map { index, group in
                let id = random.guid()
                groupIDs.append(id)
                return JSONObject([
                    ("ID", .string(id)), ("Code", .string(group.0)), ("Description", .string(group.1)),
                    ("IsDefault", .int(group.0 == "300" ? 1 : 0)), ("GLRevenue", .string(glIDs["8000"]!)),
                    ("GLRevenueCode", "8000"),
                    ("GLCosts", .string(glIDs["7000"]!)), ("GLStock", .null), ("Notes", ""), ("Division", .int(code)),
                    ("Created", exactDate(days: index)), ("Modified", exactDate(days: 40 + index)),
                ])
            }
            var accounts = (1...250).map { index in
                JSONObject([
                    ("ID", .string(random.guid())), ("Code", .string(String(1000 + index).leftPadded(to: 18))),
                    ("Name", .string(clientName(index))), ("IsSales", true), ("IsSupplier", false),
                    ("IsPurchase", false),
                    ("Status", "C"), ("Blocked", false), ("Country", .string(country.padding(toLength: 3))),
                    ("CountryName", .string(country == "NL" ? "Nederland" : "België")),
                    ("City", .string(country == "NL" ? "Amsterdam" : "Antwerpen")),
                    ("Postcode", .string(country == "NL" ? "1011 AA" : "2000")),
                    ("AddressLine1", .string("Kerkstraat \(index)")),
                    ("Email", .string("accounts@customer\(index).example")),
                    ("Phone", .string("+31 20 555 \(String(index).leftPadded(to: 4, with: "0"))")),
                    ("VATNumber", .string(index == 1 ? "NL001234567B01" : "")), ("ChamberOfCommerce", ""),
                    ("SalesVATCode", "2  "),
                    ("SalesCurrency", "EUR"), ("Type", "A"), ("Division", .int(code)),
                    ("Created", exactDate(days: index % 200)), ("Modified", exactDate(days: 200 + index % 100)),
                ])
            }
            for (index, account) in (nearDuplicates.compactMap(\.exact) + [sharedVATAccount]).enumerated() {
                accounts.append(
                    JSONObject([
                        // A fixed id, so the seed's other ids stay what they were.
                        ("ID", .string("\(code)-0000-4000-8000-00000000\(account.code)")),
                        ("Code", .string(account.code.leftPadded(to: 18))),
                        ("Name", .string(account.name)),
                        ("IsSales", true), ("IsSupplier", false), ("IsPurchase", false), ("Status", "C"),
                        ("Blocked", false),
                        ("Country", .string(country.padding(toLength: 3))),
                        ("CountryName", .string(country == "NL" ? "Nederland" : "België")),
                        ("City", "Utrecht"), ("Postcode", "3511 AA"),
                        ("AddressLine1", .string("Oudegracht \(index + 1)")),
                        ("Email", .string(account.email)), ("Phone", ""), ("VATNumber", .string(account.vat)),
                        ("ChamberOfCommerce", .string(account.chamber)), ("SalesVATCode", "2  "),
                        ("SalesCurrency", "EUR"), ("Type", "A"),
                        ("Division", .int(code)), ("Created", exactDate(days: index)),
                        ("Modified", exactDate(days: 300 + index)),
                    ]))
            }
            let items = (1...100).map { index in
                let group = (index - 1) % groups.count
                return JSONObject([
                    ("ID", .string(random.guid())),
                    ("Code", .string("ITEM\(String(index).leftPadded(to: 3, with: "0"))")),
                    ("Description", .string("\(groups[group].1) item \(index)")), ("ExtraDescription", ""),
                    ("ItemGroup", .string(groupIDs[group])), ("ItemGroupCode", .string(groups[group].0)),
                    ("ItemGroupDescription", .string(groups[group].1)), ("IsSalesItem", true),
                    ("IsPurchaseItem", .bool(group < 2)),
                    ("IsStockItem", .bool(group == 0)), ("SalesVatCode", "2  "),
                    ("SalesVatCodeDescription", "BTW hoog"),
                    ("Unit", "pc"), ("UnitDescription", "Stuk"), ("CostPriceStandard", .double(Double(index * 4))),
                    ("StandardSalesPrice", .double(Double(index * 7))), ("Barcode", ""),
                    ("StartDate", exactDate(days: 0)),
                    ("EndDate", .null), ("GLRevenue", .string(glIDs["8000"]!)), ("Notes", ""), ("Stock", .double(0)),
                    ("Division", .int(code)), ("Created", exactDate(days: index)),
                    ("Modified", exactDate(days: 100 + index)),
                ])
            }
            entities[String(code)] = [
                "crm/accounts": accounts, "logistics/itemgroups": groupRecords, "logistics/items": items,
                "financial/glaccounts": glRecords, "vat/vatcodes": vatRecords,
            ]
        }
        let me = JSONObject([
            ("UserID", .string(random.guid())), ("UserName", "demo@acme.example"), ("FullName", "Demo User"),
            ("FirstName", "Demo"), ("LastName", "User"), ("Email", "demo@acme.example"), ("LanguageCode", "nl-NL"),
            ("Legislation", "NL"), ("CurrentDivision", 123456), ("DivisionCustomer", .string(random.guid())),
            ("DivisionCustomerCode", .string("1".leftPadded(to: 18))), ("DivisionCustomerName", "Acme Holding"),
        ])
        // A second user, for tenants that log in as another account (`catalog.user`); fixed, not drawn, so that
        // the seed's other values stay as they were.
        let colleague = JSONObject([
            ("UserID", "9b7e3c1a-5d2f-4e8b-a6c4-2f1e0d9c8b7a"), ("UserName", "finance@acme.example"),
            ("FullName", "Finance User"), ("Email", "finance@acme.example"), ("CurrentDivision", 123456),
        ])
        return CatalogState(
            apps: [OAuthApp(SandboxCredentials.exactOnline, name: "haloform demo")],
            settings: JSONObject([("me", .object(me)), ("users", .array([.object(colleague)]))]),
            tenants: tenants, entities: entities)
    }

    // MARK: Business Central

    private static var businessCentralState: CatalogState {
        var random = StableRandom(named: "business-central")
        var tenants: [JSONObject] = []
        var entities: [String: [String: [JSONObject]]] = [:]
        let zero = "00000000-0000-0000-0000-000000000000"
        for environment in ["Production", "Sandbox"] {
            for (name, displayName, country) in [
                ("CRONUS NL", "CRONUS Nederland BV", "NL"), ("CRONUS UK", "CRONUS UK Ltd.", "GB"),
            ] {
                let companyID = random.guid()
                tenants.append(
                    JSONObject([
                        ("id", .string(companyID)), ("systemVersion", "24.0.16410.16850"),
                        ("timestamp", .int(Int(random.next() % 100_000))),
                        ("name", .string(name)), ("displayName", .string(displayName)), ("businessProfileId", ""),
                        ("systemCreatedAt", .string(isoDate(days: 0))), ("systemCreatedBy", .string(zero)),
                        ("systemModifiedAt", .string(isoDate(days: 3))), ("systemModifiedBy", .string(zero)),
                        ("_environment", .string(environment)),
                    ]))
                let customers = (0..<200).map { index in
                    JSONObject([
                        ("id", .string(random.guid())), ("number", .string(String(10000 + index * 10))),
                        ("displayName", .string(clientName(index + 1))), ("type", "Company"),
                        ("addressLine1", .string("Main Street \(index + 1)")), ("addressLine2", ""),
                        ("city", .string(country == "NL" ? "Amsterdam" : "London")), ("state", ""),
                        ("country", .string(country)),
                        ("postalCode", .string(country == "NL" ? "1011 AA" : "EC1A 1BB")), ("phoneNumber", ""),
                        ("email", .string("accounts@customer\(index + 1).example")), ("website", ""),
                        ("salespersonCode", ""),
                        ("balanceDue", 0), ("creditLimit", 0), ("taxLiable", false), ("taxAreaId", .string(zero)),
                        ("taxAreaDisplayName", ""), ("taxRegistrationNumber", ""), ("currencyId", .string(zero)),
                        ("currencyCode", ""), ("paymentTermsId", .string(zero)), ("shipmentMethodId", .string(zero)),
                        ("paymentMethodId", .string(zero)), ("blocked", " "),
                        ("lastModifiedDateTime", .string(isoDate(days: index % 90, minutes: index))),
                    ])
                }
                let categories: [(String, String)] = [
                    ("CHAIR", "Office Chair"), ("DESK", "Office Desk"), ("FURNITURE", "Office Furniture"),
                    ("SERVICE", "Services"),
                    ("SUPPLIERS", "Office Supplies"),
                ]
                var categoryIDs: [String: String] = [:]
                let categoryRecords = categories.enumerated().map { index, category in
                    let id = random.guid()
                    categoryIDs[category.0] = id
                    return JSONObject([
                        ("id", .string(id)), ("code", .string(category.0)), ("displayName", .string(category.1)),
                        ("lastModifiedDateTime", .string(isoDate(days: index))),
                    ])
                }
                let itemList: [(String, String, String, String, Double)] = [
                    ("1896-S", "ATHENS Desk", "Inventory", "DESK", 1000.8),
                    ("1900-S", "PARIS Guest Chair, black", "Inventory", "CHAIR", 192.8),
                    ("1906-S", "ATHENS Mobile Pedestal", "Inventory", "FURNITURE", 281.4),
                    ("1908-S", "LONDON Swivel Chair, blue", "Inventory", "CHAIR", 190.1),
                    ("1920-S", "ANTWERP Conference Table", "Inventory", "DESK", 649.4),
                    ("1928-S", "AMSTERDAM Lamp", "Inventory", "FURNITURE", 54.9),
                    ("1936-S", "BERLIN Guest Chair, yellow", "Inventory", "CHAIR", 192.8),
                    ("1960-S", "ROME Guest Chair, green", "Inventory", "CHAIR", 192.8),
                    ("1964-S", "TOKYO Guest Chair, blue", "Inventory", "CHAIR", 192.8),
                    ("1968-S", "MEXICO Swivel Chair, black", "Inventory", "CHAIR", 190.1),
                    ("1972-S", "MUNICH Swivel Chair, yellow", "Inventory", "CHAIR", 190.1),
                    ("1980-S", "MOSCOW Swivel Chair, red", "Inventory", "CHAIR", 190.1),
                    ("1988-S", "SEOUL Guest Chair, red", "Inventory", "CHAIR", 192.8),
                    ("1996-S", "ATLANTA Whiteboard, base", "Inventory", "SUPPLIERS", 1397.3),
                    ("2000-S", "SYDNEY Swivel Chair, green", "Inventory", "CHAIR", 190.1),
                    ("SERVICE", "Consultancy Service", "Service", "SERVICE", 95),
                    ("SUPPORT", "Support Hour", "Service", "SERVICE", 75),
                    ("LICENCE", "Software Licence", "Non-Inventory", "SERVICE", 25),
                ]
                let items = itemList.enumerated().map { index, item in
                    JSONObject([
                        ("id", .string(random.guid())), ("number", .string(item.0)), ("displayName", .string(item.1)),
                        ("type", .string(item.2)), ("itemCategoryId", .string(categoryIDs[item.3]!)),
                        ("itemCategoryCode", .string(item.3)),
                        ("blocked", false), ("gtin", ""),
                        ("inventory", .double(item.2 == "Inventory" ? Double(index * 3) : 0)),
                        ("unitPrice", .double(item.4)), ("priceIncludesTax", false),
                        ("unitCost", .double((item.4 * 0.6).rounded())),
                        ("taxGroupId", .string(zero)), ("taxGroupCode", ""), ("baseUnitOfMeasureId", .string(zero)),
                        ("baseUnitOfMeasureCode", .string(item.2 == "Service" ? "HOUR" : "PCS")),
                        ("generalProductPostingGroupId", .string(zero)),
                        ("generalProductPostingGroupCode", .string(item.2 == "Service" ? "SERVICES" : "RETAIL")),
                        ("inventoryPostingGroupId", .string(zero)),
                        ("inventoryPostingGroupCode", .string(item.2 == "Inventory" ? "RESALE" : "")),
                        ("lastModifiedDateTime", .string(isoDate(days: index))),
                    ])
                }
                let accountList: [(String, String, String, String)] = [
                    ("8000", "Sales, Services", "Income", "Income, Services"),
                    ("7000", "Purchases, Services", "Cost of Goods Sold", "Cost of Services"),
                    ("2000", "Accounts Receivable", "Assets", "Receivables"),
                    ("4000", "Operating Expenses", "Expense", "Other Expenses"),
                ]
                let accounts = accountList.enumerated().map { index, account in
                    JSONObject([
                        ("id", .string(random.guid())), ("number", .string(account.0)),
                        ("displayName", .string(account.1)),
                        ("category", .string(account.2)), ("subCategory", .string(account.3)), ("blocked", false),
                        ("accountType", "Posting"), ("directPosting", true), ("netChange", 0),
                        ("lastModifiedDateTime", .string(isoDate(days: index))),
                    ])
                }
                let taxGroups = [
                    ("STANDARD", "Standard VAT"), ("REDUCED", "Reduced VAT"), ("ZERO", "Zero rated"),
                    ("SERVICES", "Services"),
                ]
                .enumerated().map { index, group in
                    JSONObject([
                        ("id", .string(random.guid())), ("code", .string(group.0)), ("displayName", .string(group.1)),
                        ("taxType", "VAT"), ("lastModifiedDateTime", .string(isoDate(days: index))),
                    ])
                }
                let countries = [
                    ("NL", "Netherlands", "Post Code+City"), ("BE", "Belgium", "Post Code+City"),
                    ("DE", "Germany", "Post Code+City"),
                    ("GB", "United Kingdom", "City+County+Post Code"), ("US", "United States", "City+County+Post Code"),
                    ("FR", "France", "Post Code+City"),
                ].enumerated().map { index, country in
                    JSONObject([
                        ("id", .string(random.guid())), ("code", .string(country.0)),
                        ("displayName", .string(country.1)),
                        ("addressFormat", .string(country.2)), ("lastModifiedDateTime", .string(isoDate(days: index))),
                    ])
                }
                entities[companyID] = [
                    "customers": customers, "itemcategories": categoryRecords, "items": items, "accounts": accounts,
                    "taxgroups": taxGroups, "countriesregions": countries,
                ]
            }
        }
        return CatalogState(
            apps: [OAuthApp(SandboxCredentials.businessCentral, name: "haloform demo")],
            settings: JSONObject([("aad_tenant", .string(SandboxCredentials.businessCentralTenant))]),
            tenants: tenants, entities: entities)
    }

    // MARK: Sage

    /// A Sage base link: `{id, displayed_as, $path}`.
    static func sageLink(_ id: String, _ displayedAs: String, _ collection: String) -> JSON {
        .object([
            ("id", .string(id)), ("displayed_as", .string(displayedAs)), ("$path", .string("/\(collection)/\(id)")),
        ])
    }

    /// The Sage reference of Halo client `id`: "ACME001" for the named ones, "CUST0011" onwards for the rest.
    static func sageReference(_ id: Int) -> String {
        id <= namedClients.count
            ? (namedClients[id - 1].split(separator: " ").first.map(String.init) ?? "").uppercased() + "001"
            : "CUST\(String(id).leftPadded(to: 4, with: "0"))"
    }

    private static var sageState: CatalogState {
        var random = StableRandom(named: "sage")
        let businesses: [(String, String, Int)] = [
            ("Acme Ltd", "London", 200), ("Acme Services Ltd", "Manchester", 60),
        ]
        var tenants: [JSONObject] = []
        var entities: [String: [String: [JSONObject]]] = [:]
        let gb = sageLink("GB", "United Kingdom (GB)", "countries")
        let gbp = sageLink("GBP", "Pound Sterling (GBP)", "currencies")
        for (position, business) in businesses.enumerated() {
            let businessID = random.hex32()
            tenants.append(
                JSONObject([
                    ("id", .string(businessID)), ("displayed_as", .string(business.0)),
                    ("$path", .string("/businesses/\(businessID)")),
                    ("name", .string(business.0)), ("address_line_1", "1 High Street"), ("address_line_2", ""),
                    ("city", .string(business.1)), ("postal_code", "EC1A 1BB"), ("country", gb), ("region", .null),
                    ("telephone", "+44 20 5550 0000"), ("mobile", ""), ("website", "https://acme.example"),
                    ("is_demo", false),
                    ("ni_based", false),
                    (
                        "subscriptions",
                        .array([
                            .object([
                                ("id", "ACCOUNTING"), ("displayed_as", "Accounting"), ("active", true),
                                ("status", "active"),
                            ])
                        ])
                    ),
                    ("created_at", .string(isoSeconds(days: 0))), ("updated_at", .string(isoSeconds(days: 5))),
                    ("_lead", .bool(position == 0)),
                ]))
            let standard = sageLink("GB_STANDARD", "Standard 20.00%", "tax_rates")
            let ledgerList: [(String, Int, String, String)] = [
                ("Sales Type A", 4000, "SALES", "Sales"), ("Other income", 4900, "OTHER_INCOME", "Other Income"),
                ("Cost of sales - goods", 5000, "DIRECT_EXPENSES", "Direct Expenses"),
            ]
            var ledgerLinks: [Int: JSON] = [:]
            let ledgers = ledgerList.enumerated().map { index, ledger in
                let id = random.hex32()
                ledgerLinks[ledger.1] = sageLink(id, "\(ledger.0) (\(ledger.1))", "ledger_accounts")
                return JSONObject([
                    ("id", .string(id)), ("displayed_as", .string("\(ledger.0) (\(ledger.1))")),
                    ("$path", .string("/ledger_accounts/\(id)")),
                    ("created_at", .string(isoSeconds(days: index))),
                    ("updated_at", .string(isoSeconds(days: index + 1))),
                    (
                        "ledger_account_group",
                        .object([
                            ("id", .string(ledger.1 < 5000 ? "INCOME" : "EXPENDITURE")),
                            ("displayed_as", .string(ledger.1 < 5000 ? "Income" : "Expenditure")),
                        ])
                    ),
                    ("name", .string(ledger.0)), ("display_name", .string(ledger.0)),
                    ("visible_scopes", ["sales", "reporting"]),
                    ("included_in_chart", true), ("nominal_code", .int(ledger.1)),
                    ("ledger_account_type", sageLink(ledger.2, ledger.3, "ledger_account_types")),
                    ("ledger_account_classification", .null),
                    ("tax_rate", standard), ("fixed_tax_rate", false), ("visible_in_banking", true),
                    ("visible_in_expenses", .bool(ledger.1 >= 5000)),
                    ("visible_in_journals", true), ("visible_in_other_payments", true),
                    ("visible_in_other_receipts", true),
                    ("visible_in_reporting", true), ("visible_in_sales", .bool(ledger.1 < 5000)),
                    ("is_control_account", false),
                    ("control_name", .null), ("display_formatted", .string("\(ledger.1) - \(ledger.0)")),
                    ("tax_recoverable", .null),
                ])
            }
            let customerType = JSON.array([sageLink("CUSTOMER", "Customer", "contact_types")])
            var contacts = (1...business.2).map { index in
                let id = random.hex32()
                let name = clientName(index)
                let reference = sageReference(index)
                return JSONObject([
                    ("id", .string(id)), ("displayed_as", .string("\(name) (\(reference))")),
                    ("$path", .string("/contacts/\(id)")),
                    ("created_at", .string(isoSeconds(days: index % 100))),
                    ("updated_at", .string(isoSeconds(days: 100 + index % 50))),
                    ("links", .array([])), ("deleted_at", .null), ("balance", "0.0"), ("contact_types", customerType),
                    ("name", .string(name)), ("reference", .string(reference)),
                    ("default_sales_ledger_account", ledgerLinks[4000]!),
                    ("default_sales_tax_rate", standard), ("default_purchase_ledger_account", .null),
                    ("tax_number", ""), ("notes", ""),
                    ("locale", "en"),
                    (
                        "main_address",
                        .object([
                            ("address_line_1", .string("\(index) King Street")), ("city", .string(business.1)),
                            ("postal_code", "EC1A 1BB"), ("country", gb),
                        ])
                    ),
                    ("delivery_address", .null), ("main_contact_person", .null), ("bank_account_details", .null),
                    ("credit_limit", "0.0"), ("credit_days", 30), ("currency", gbp),
                    ("email", .string("accounts@customer\(index).example")),
                    ("tax_treatment", .null), ("system", false), ("deletable", true),
                ])
            }
            let vendorType = JSON.array([sageLink("VENDOR", "Supplier", "contact_types")])
            for (index, name) in suppliers.enumerated()
                + (6...10).map({ ($0 - 1, "Supplier \(String($0).leftPadded(to: 4, with: "0"))") })
            {
                let id = random.hex32()
                let reference = "SUPP\(String(index + 1).leftPadded(to: 3, with: "0"))"
                contacts.append(
                    JSONObject([
                        ("id", .string(id)), ("displayed_as", .string("\(name) (\(reference))")),
                        ("$path", .string("/contacts/\(id)")),
                        ("created_at", .string(isoSeconds(days: index))),
                        ("updated_at", .string(isoSeconds(days: 50 + index))),
                        ("links", .array([])), ("deleted_at", .null), ("balance", "0.0"), ("contact_types", vendorType),
                        ("name", .string(name)), ("reference", .string(reference)),
                        ("default_sales_ledger_account", .null),
                        ("default_sales_tax_rate", .null), ("default_purchase_ledger_account", ledgerLinks[5000]!),
                        ("tax_number", ""),
                        ("notes", ""), ("locale", "en"), ("main_address", .null), ("delivery_address", .null),
                        ("main_contact_person", .null),
                        ("bank_account_details", .null), ("credit_limit", "0.0"), ("credit_days", 30),
                        ("currency", gbp), ("email", ""),
                        ("tax_treatment", .null), ("system", false), ("deletable", true),
                    ]))
            }
            let contactTypes = [("CUSTOMER", "Customer"), ("VENDOR", "Supplier")].map {
                JSONObject([
                    ("id", .string($0.0)), ("displayed_as", .string($0.1)),
                    ("$path", .string("/contact_types/\($0.0)")),
                ])
            }
            let itemTypes = [("STOCK_ITEM", "Stock"), ("NON_STOCK_ITEM", "Non-Stock"), ("SERVICE", "Service")].map {
                JSONObject([
                    ("id", .string($0.0)), ("displayed_as", .string($0.1)),
                    ("$path", .string("/catalog_item_types/\($0.0)")),
                ])
            }
            let rates: [(String, String, String, String)] = [
                ("GB_STANDARD", "Standard", "Standard 20.00%", "20.0"),
                ("GB_REDUCED", "Reduced", "Reduced 5.00%", "5.0"),
                ("GB_ZERO", "Zero", "Zero 0.00%", "0.0"), ("GB_EXEMPT", "Exempt", "Exempt 0.00%", "0.0"),
            ]
            let taxRates = rates.enumerated().map { index, rate in
                JSONObject([
                    ("id", .string(rate.0)), ("displayed_as", .string(rate.2)),
                    ("$path", .string("/tax_rates/\(rate.0)")),
                    ("created_at", .string(isoSeconds(days: index))), ("updated_at", .string(isoSeconds(days: index))),
                    ("name", .string(rate.1)), ("agency", .null), ("percentage", .string(rate.3)),
                    (
                        "percentages",
                        .array([
                            .object([("percentage", .string(rate.3)), ("from_date", "2011-01-04"), ("to_date", .null)])
                        ])
                    ),
                    ("is_visible", true), ("retailer", false), ("editable", false), ("deletable", false),
                    ("is_combined_rate", false),
                    ("component_tax_rates", .array([])),
                ])
            }
            let productNames = [
                "Laptop 14 inch", "Laptop 16 inch", "Docking Station", "Monitor 27 inch", "Keyboard", "Mouse",
                "Headset",
                "Webcam", "Firewall Appliance", "Network Switch 24 port", "Access Point", "UPS 1500VA", "NAS 4 bay",
                "Desk Chair", "Standing Desk", "Printer", "Toner Cartridge", "USB-C Cable", "SSD 1TB", "RAM 16GB",
                "Office 365 E3 Licence", "Antivirus Licence", "Backup Licence", "VPN Licence",
            ]
            let products = productNames.enumerated().map { index, name in
                let id = random.hex32()
                let type = index >= 20 ? ("NON_STOCK_ITEM", "Non-Stock") : ("STOCK_ITEM", "Stock")
                return JSONObject([
                    ("id", .string(id)), ("displayed_as", .string(name)), ("$path", .string("/products/\(id)")),
                    ("created_at", .string(isoSeconds(days: index))),
                    ("updated_at", .string(isoSeconds(days: 30 + index))),
                    ("deleted_at", .null), ("deletable", true), ("deactivatable", true),
                    ("item_code", .string("PROD\(String(index + 1).leftPadded(to: 3, with: "0"))")),
                    ("description", .string(name)),
                    ("notes", ""), ("sales_ledger_account", ledgerLinks[4000]!), ("sales_tax_rate", standard),
                    ("purchase_ledger_account", ledgerLinks[5000]!), ("purchase_tax_rate", standard),
                    ("usual_supplier", .null),
                    ("cost_price", .string("\(10 + index * 4).0")),
                    (
                        "sales_prices",
                        .array([
                            .object([
                                ("id", .string(random.hex32())), ("displayed_as", "Selling Price"),
                                ("price_name", "Selling Price"),
                                ("price", .string("\(20 + index * 7).0")), ("price_includes_tax", false),
                                (
                                    "product_sales_price_type",
                                    sageLink("SELLING_PRICE", "Selling Price", "product_sales_price_types")
                                ),
                            ])
                        ])
                    ),
                    ("source_guid", .null), ("purchase_description", .string(name)), ("active", true),
                    ("catalog_item_type", sageLink(type.0, type.1, "catalog_item_types")),
                ])
            }
            let serviceList: [(String, String)] = [
                ("SERVICE", "General Service"), ("CONSULT", "Consultancy Hour"), ("SUPPORT", "Support Hour"),
                ("INSTALL", "Installation"),
                ("TRAINING", "Training Day"), ("PROJECT", "Project Management"), ("MONITOR", "Monitoring"),
                ("BACKUP", "Managed Backup"),
                ("SECURITY", "Security Review"), ("CLOUD", "Cloud Management"), ("NETWORK", "Network Management"),
                ("ONSITE", "On-site Visit"),
            ]
            let services = serviceList.enumerated().map { index, service in
                let id = random.hex32()
                return JSONObject([
                    ("id", .string(id)), ("displayed_as", .string(service.1)), ("$path", .string("/services/\(id)")),
                    ("created_at", .string(isoSeconds(days: index))),
                    ("updated_at", .string(isoSeconds(days: 40 + index))),
                    ("deleted_at", .null), ("deletable", true), ("deactivatable", true),
                    ("item_code", .string(service.0)),
                    ("description", .string(service.1)), ("notes", ""), ("sales_ledger_account", ledgerLinks[4000]!),
                    ("sales_tax_rate", standard), ("purchase_ledger_account", ledgerLinks[5000]!),
                    ("purchase_tax_rate", standard),
                    ("usual_supplier", .null),
                    (
                        "sales_rates",
                        .array([
                            .object([
                                ("id", .string(random.hex32())), ("displayed_as", "Rate"), ("rate_name", "Rate"),
                                ("rate", .string("\(60 + index * 5).0")), ("rate_includes_tax", false),
                                ("service_rate_type", sageLink("RATE", "Rate", "service_rate_types")),
                            ])
                        ])
                    ),
                    ("source_guid", .null), ("active", true),
                    ("catalog_item_type", sageLink("SERVICE", "Service", "catalog_item_types")),
                ])
            }
            entities[businessID] = [
                "contacts": contacts, "contact_types": contactTypes, "catalog_item_types": itemTypes,
                "tax_rates": taxRates,
                "ledger_accounts": ledgers, "products": products, "services": services,
            ]
        }
        return CatalogState(
            apps: [OAuthApp(SandboxCredentials.sage, name: "haloform demo")], settings: JSONObject(), tenants: tenants,
            entities: entities)
    }

    /// Sage's ISO timestamps, to the second.
    static func isoSeconds(days: Int) -> String {
        ISODate.format(milliseconds: milliseconds(days: days), fractional: false)
    }
}

extension String {
    /// The string padded on the right with spaces to a width.
    func padding(toLength width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
