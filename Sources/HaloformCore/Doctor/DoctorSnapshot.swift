/// What the doctor reads: Halo's configuration and catalogs (as for a plan) and its customers, products and suppliers.
public struct DoctorSnapshot: Sendable {
    /// Halo's integration records, `/Control`, `/Features`, `/Tax`, product groups and the declared tenants' catalogs.
    public var remote: RemoteState
    /// Every `/Client`.
    public var customers: [DoctorRecord]
    /// Every `/Item`.
    public var products: [DoctorRecord]
    /// Every `/Supplier`.
    public var suppliers: [DoctorRecord]

    /// Creates a snapshot.
    public init(remote: RemoteState, customers: [DoctorRecord], products: [DoctorRecord], suppliers: [DoctorRecord]) {
        self.remote = remote
        self.customers = customers
        self.products = products
        self.suppliers = suppliers
    }
}
