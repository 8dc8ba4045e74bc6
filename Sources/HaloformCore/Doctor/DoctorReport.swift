/// What the doctor looked at, found, and what its findings will stop from syncing.
public struct DoctorReport: Sendable, Hashable, Encodable {
    /// Counts of what was checked.
    public struct Checked: Sendable, Hashable, Encodable {
        /// Declared tenants.
        public var tenants = 0
        /// Active customers of the declared integrations (or linked to none).
        public var customers = 0
        /// Products likewise (Halo's document gives products no inactive flag, so all are checked).
        public var products = 0
        /// Active suppliers.
        public var suppliers = 0
        /// Inactive customers, not checked: nothing is invoiced to them.
        public var inactiveCustomers = 0
        /// Inactive suppliers, not checked.
        public var inactiveSuppliers = 0

        /// Creates counts.
        public init(
            tenants: Int = 0, customers: Int = 0, products: Int = 0, suppliers: Int = 0, inactiveCustomers: Int = 0,
            inactiveSuppliers: Int = 0
        ) {
            self.tenants = tenants
            self.customers = customers
            self.products = products
            self.suppliers = suppliers
            self.inactiveCustomers = inactiveCustomers
            self.inactiveSuppliers = inactiveSuppliers
        }
    }

    /// Work the blocking findings stop, from whole tenants down to single records.
    public struct Blocked: Sendable, Hashable, Encodable {
        /// A Halo record by id and name.
        public struct Record: Sendable, Hashable, Encodable, CustomStringConvertible {
            /// Halo's id.
            public var id: Int
            /// Its name.
            public var name: String

            /// Creates a reference.
            public init(_ id: Int, _ name: String) {
                self.id = id
                self.name = name
            }

            /// `Acme BV (#12)`.
            public var description: String { "\(name) (#\(id))" }
        }

        /// Integrations or tenants none of whose invoices sync, with why.
        public var everything: [String] = []
        /// Customers whose invoices will not sync.
        public var customers: [Record] = []
        /// Products whose invoice lines (and so their invoices) will not sync.
        public var products: [Record] = []
        /// Suppliers whose purchase orders will not sync.
        public var suppliers: [Record] = []

        /// Creates a summary.
        public init(
            everything: [String] = [], customers: [Record] = [], products: [Record] = [], suppliers: [Record] = []
        ) {
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
