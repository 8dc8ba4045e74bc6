/// A Halo customer, product or supplier reduced to what the doctor checks: small, so 100,000 of them stay cheap.
public struct DoctorRecord: Sendable, Hashable {
    /// Halo's id.
    public var id: Int
    /// Its name.
    public var name: String
    /// Whether it is inactive (not checked: nothing is invoiced to it).
    public var inactive: Bool
    /// The id the accounting system knows it by (`accountsid`, a supplier's `accounts_id`); "" for none.
    public var accountsID: String
    /// Whether "Exclude from Accounting Integration" is on.
    public var excluded: Bool
    /// The Exact division it is linked to, if any.
    public var exactDivision: Int?
    /// The Business Central company id it is linked to, if any.
    public var businessCentralCompany: String?
    /// The Sage `*Details` id it is linked to, if any.
    public var sageTenant: Int?
    /// A product's sales tax rate (Halo `/Tax` id), if set.
    public var taxID: Int?
    /// A product's group (`/AssetGroup` id), whose tax it may inherit.
    public var groupID: Int?
    /// A product's income and expense account codes, where set.
    public var accountCodes: [String]

    /// Creates a record.
    public init(
        id: Int, name: String, inactive: Bool = false, accountsID: String = "", excluded: Bool = false, exactDivision: Int? = nil,
        businessCentralCompany: String? = nil, sageTenant: Int? = nil, taxID: Int? = nil, groupID: Int? = nil, accountCodes: [String] = []
    ) {
        self.id = id
        self.name = name
        self.inactive = inactive
        self.accountsID = accountsID
        self.excluded = excluded
        self.exactDivision = exactDivision
        self.businessCentralCompany = businessCentralCompany
        self.sageTenant = sageTenant
        self.taxID = taxID
        self.groupID = groupID
        self.accountCodes = accountCodes
    }

    /// A `/Client` record.
    public init(client record: JSONObject) {
        self.init(record, accountsID: "accountsid", excluded: "excludefrominvoicesync")
    }

    /// An `/Item` record.
    public init(item record: JSONObject) {
        self.init(record, accountsID: "accountsid", excluded: "ignore_from_accounting_sync")
        taxID = Self.id(record["taxcode"])
        groupID = Self.id(record["assetgroup_id"])
        accountCodes = ["nominalcode", "purchasenominalcode"].compactMap { record[$0]?.string }.filter { !$0.isEmpty }
    }

    /// A `/Supplier` record.
    public init(supplier record: JSONObject) {
        self.init(record, accountsID: "accounts_id", excluded: "ignore_from_accounting_sync")
    }

    private init(_ record: JSONObject, accountsID: String, excluded: String) {
        let companyID = record["dbc_company_id"]?.string ?? ""
        self.init(
            id: record["id"]?.int ?? 0, name: record["name"]?.string ?? "", inactive: record["inactive"]?.bool ?? false,
            accountsID: (record[accountsID]?.string ?? record[accountsID]?.int.map(String.init) ?? "").trimmingSpaces(),
            excluded: record[excluded]?.bool ?? false, exactDivision: Self.id(record["exact_division"]),
            businessCentralCompany: companyID.isEmpty ? nil : companyID, sageTenant: Self.id(record["sage_business_cloud_details_id"])
        )
    }

    /// A Halo id field, with 0 and null as none.
    private static func id(_ value: JSONValue?) -> Int? {
        value?.int.flatMap { $0 == 0 ? nil : $0 }
    }
}

extension String {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        Substring(self).trimmingCharacters()
    }
}
