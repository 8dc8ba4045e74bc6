/// One thing the doctor found: which check, about what, in which tenant, and why.
public struct DoctorFinding: Sendable, Hashable, Codable {
    /// What a finding is about.
    public enum Subject: String, Sendable, Hashable, Codable {
        case integration, tenant, customer, product, supplier
    }

    /// The check that found it.
    public var check: DoctorCheck
    /// What kind of thing it is about.
    public var subject: Subject
    /// The Halo id of a customer, product or supplier.
    public var id: Int?
    /// Its name: a record's name, a tenant's address, an integration's key.
    public var name: String
    /// The tenant it concerns, if one (`exact_online.tenant["exact-nl"]`).
    public var tenant: String?
    /// Why, in words.
    public var reason: String

    /// Creates a finding.
    public init(_ check: DoctorCheck, _ subject: Subject, id: Int? = nil, name: String, tenant: String? = nil, reason: String) {
        self.check = check
        self.subject = subject
        self.id = id
        self.name = name
        self.tenant = tenant
        self.reason = reason
    }
}

/// What the doctor looked at, found, and what its findings will stop from syncing.
public struct DoctorReport: Sendable, Hashable, Codable {
    /// Counts of what was checked.
    public struct Checked: Sendable, Hashable, Codable {
        public var tenants = 0
        public var customers = 0
        public var products = 0
        public var suppliers = 0
        /// Inactive records, not checked: nothing is invoiced to them.
        public var inactiveCustomers = 0
        public var inactiveProducts = 0
        public var inactiveSuppliers = 0

        /// Creates counts.
        public init(
            tenants: Int = 0, customers: Int = 0, products: Int = 0, suppliers: Int = 0, inactiveCustomers: Int = 0, inactiveProducts: Int = 0,
            inactiveSuppliers: Int = 0
        ) {
            self.tenants = tenants
            self.customers = customers
            self.products = products
            self.suppliers = suppliers
            self.inactiveCustomers = inactiveCustomers
            self.inactiveProducts = inactiveProducts
            self.inactiveSuppliers = inactiveSuppliers
        }
    }

    /// Work the blocking findings stop, from whole tenants down to single records.
    public struct Blocked: Sendable, Hashable, Codable {
        /// Integrations or tenants none of whose invoices sync, with why.
        public var everything: [String] = []
        /// Customers whose invoices will not sync.
        public var customers: [String] = []
        /// Products whose invoice lines (and so their invoices) will not sync.
        public var products: [String] = []
        /// Suppliers whose purchase orders will not sync.
        public var suppliers: [String] = []

        /// Creates a summary.
        public init(everything: [String] = [], customers: [String] = [], products: [String] = [], suppliers: [String] = []) {
            self.everything = everything
            self.customers = customers
            self.products = products
            self.suppliers = suppliers
        }

        /// Whether nothing is blocked.
        public var isEmpty: Bool { everything.isEmpty && customers.isEmpty && products.isEmpty && suppliers.isEmpty }
    }

    /// The findings, grouped in check order, records by id within a check.
    public var findings: [DoctorFinding]
    /// What was checked.
    public var checked: Checked
    /// What the findings stop.
    public var blocked: Blocked

    /// Whether nothing stops a sync (recommendations aside).
    public var isClean: Bool { !findings.contains { $0.check.blocks } }

    /// The findings of each check that found any, in check order.
    public var groups: [(check: DoctorCheck, findings: [DoctorFinding])] {
        var byCheck: [DoctorCheck: [DoctorFinding]] = [:]
        for finding in findings { byCheck[finding.check, default: []].append(finding) }
        return DoctorCheck.allCases.compactMap { check in byCheck[check].map { (check, $0) } }
    }
}
