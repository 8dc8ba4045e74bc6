import JSONText

/// A Halo customer, product or supplier reduced to what the doctor checks: small, so 100,000 of them stay cheap.
public struct DoctorRecord: Sendable, Hashable {
    /// Halo's id.
    public var id: Int
    /// Its name.
    public var name: String
    /// Whether it is inactive (not checked: nothing is invoiced to it); never for a product, which Halo's document gives
    /// no inactive flag.
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
    /// A product's sales tax rate, or a customer's own tax rate for items (Halo `/Tax` id), if set.
    public var taxID: Int?
    /// A product's group (`/AssetGroup` id), whose tax it may inherit.
    public var groupID: Int?
    /// A product's income and expense account codes, where set.
    public var accountCodes: [String]

    /// Creates a record.
    public init(
        id: Int, name: String, inactive: Bool = false, accountsID: String = "", excluded: Bool = false,
        exactDivision: Int? = nil,
        businessCentralCompany: String? = nil, sageTenant: Int? = nil, taxID: Int? = nil, groupID: Int? = nil,
        accountCodes: [String] = []
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
        self.init(
            id: record[ClientField.id]?.int ?? 0, name: record[ClientField.name]?.string ?? "",
            inactive: record[ClientField.inactive]?.bool ?? false,
            accountsID: Self.text(record[ClientField.accountsID]),
            excluded: record[ClientField.excluded]?.bool ?? false,
            exactDivision: Self.id(record[ClientField.exactDivision]),
            businessCentralCompany: Self.company(record[ClientField.businessCentralCompany]),
            sageTenant: Self.id(record[ClientField.sageTenant]),
            taxID: Self.id(record[ClientField.itemTaxID])
        )
    }

    /// An `/Item` record.
    public init(item record: JSONObject) {
        self.init(
            id: record[ItemField.id]?.int ?? 0, name: record[ItemField.name]?.string ?? "",
            accountsID: Self.text(record[ItemField.accountsID]),
            excluded: record[ItemField.excluded]?.bool ?? false,
            exactDivision: Self.id(record[ItemField.exactDivision]),
            businessCentralCompany: Self.company(record[ItemField.businessCentralCompany]),
            sageTenant: Self.id(record[ItemField.sageTenant]),
            taxID: Self.id(record[ItemField.taxID]), groupID: Self.id(record[ItemField.groupID]),
            accountCodes: [ItemField.salesAccount, .purchaseAccount].compactMap { record[$0]?.string }.filter {
                !$0.isEmpty
            }
        )
    }

    /// A `/Supplier` record.
    public init(supplier record: JSONObject) {
        self.init(
            id: record[SupplierField.id]?.int ?? 0, name: record[SupplierField.name]?.string ?? "",
            inactive: record[SupplierField.inactive]?.bool ?? false,
            accountsID: Self.text(record[SupplierField.accountsID]),
            excluded: record[SupplierField.excluded]?.bool ?? false
        )
    }

    /// An accounts id, as text without surrounding spaces.
    private static func text(_ value: JSONValue?) -> String {
        (value?.string ?? value?.int.map(String.init) ?? "").trimmingSpaces()
    }

    /// A Business Central company id, with "" as none.
    private static func company(_ value: JSONValue?) -> String? {
        value?.string.flatMap { $0.isEmpty ? nil : $0 }
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
