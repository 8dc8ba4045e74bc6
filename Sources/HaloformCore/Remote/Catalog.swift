import JSONText

/// Which tenant's catalog: the integration and the tenant's name in the config.
public struct CatalogKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The integration.
    public var integration: Integration
    /// The tenant's `name`.
    public var tenant: String

    /// Creates a key.
    public init(_ integration: Integration, _ tenant: String) {
        self.integration = integration
        self.tenant = tenant
    }

    public static func < (lhs: CatalogKey, rhs: CatalogKey) -> Bool {
        (lhs.integration, lhs.tenant) < (rhs.integration, rhs.tenant)
    }

    public var description: String { "\(integration.key).tenant[\"\(tenant)\"]" }
}

/// What an accounting system holds for one tenant, reduced to what turns codes into ids.
public struct Catalog: Sendable, Hashable, Codable {
    /// The companies the login can reach: Exact divisions (code = division number), Business Central companies of
    /// the environment (code = company name), Sage businesses (code = business name).
    public var companies: [CatalogEntry]
    /// Customers: Exact account codes (trimmed), BC customer numbers, Sage contact references.
    public var customers: [CatalogEntry]
    /// Item groups: Exact item group codes, BC item category codes, Sage catalog item type ids.
    public var productGroups: [CatalogEntry]
    /// Tax codes: Exact VAT codes (trimmed), Sage tax rate ids; empty for Business Central.
    public var taxCodes: [CatalogEntry]
    /// General-ledger accounts: Exact GL account codes, BC account numbers, Sage ledger account nominal codes.
    public var accounts: [CatalogEntry]
    /// Items: Exact item codes, BC item numbers, Sage product and service item codes.
    public var items: [CatalogEntry]
    /// What identifies each customer (VAT and registration numbers, e-mail), read only for `suggest`; not part of
    /// the fingerprint or a saved plan.
    public var customerDetails: [CustomerDetails] = []

    private enum CodingKeys: String, CodingKey {
        case companies, customers, productGroups, taxCodes, accounts, items
    }

    /// Creates a catalog.
    public init(
        companies: [CatalogEntry] = [], customers: [CatalogEntry] = [], productGroups: [CatalogEntry] = [],
        taxCodes: [CatalogEntry] = [], accounts: [CatalogEntry] = [], items: [CatalogEntry] = []
    ) {
        self.companies = companies
        self.customers = customers
        self.productGroups = productGroups
        self.taxCodes = taxCodes
        self.accounts = accounts
        self.items = items
    }

    /// The catalog as bytes for fingerprints, the same whatever order the system listed it in: per list, its count and
    /// the sum of its entries' stable digests. A sum needs no sort, which for 100,000 entries took most of the time of a
    /// plan's fingerprint.
    var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        for list in [companies, customers, productGroups, taxCodes, accounts, items] {
            let sum = list.reduce(UInt64(0)) { sum, entry in
                sum
                    &+ StableDigest.mixed(
                        StableDigest.adding(
                            entry.name,
                            to: StableDigest.adding(
                                entry.code, to: StableDigest.adding(entry.id, to: StableDigest.basis)))
                    )
            }
            for value in [UInt64(list.count), sum] {
                for shift in stride(from: 0, to: 64, by: 8) {
                    out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
                }
            }
        }
        return out
    }
}

/// One record of an accounting catalog: its id in that system, the code people write, and its name.
public struct CatalogEntry: Sendable, Hashable, Codable {
    /// The system's own id (a GUID for Exact and Business Central, a string id for Sage).
    public var id: String
    /// The code people write in YAML (trimmed of Exact's padding).
    public var code: String
    /// The display name.
    public var name: String

    /// Creates an entry.
    public init(id: String, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}

/// What identifies one accounting customer beyond its name, for matching it to a Halo customer.
public struct CustomerDetails: Sendable, Hashable {
    /// The customer's code, as in `Catalog.customers`.
    public var code: String
    /// Its VAT number (Exact `VATNumber`, Business Central `taxRegistrationNumber`, Sage `tax_number`).
    public var vatNumber: String?
    /// Its company registration number (Exact `ChamberOfCommerce`).
    public var registrationNumber: String?
    /// Its e-mail address.
    public var email: String?

    /// Creates details.
    public init(code: String, vatNumber: String? = nil, registrationNumber: String? = nil, email: String? = nil) {
        self.code = code
        self.vatNumber = vatNumber
        self.registrationNumber = registrationNumber
        self.email = email
    }
}
