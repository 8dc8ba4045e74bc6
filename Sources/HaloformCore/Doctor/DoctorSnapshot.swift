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
    /// When it was taken, by the caller's clock: tenants' tokens are judged at this moment (not at all when nil).
    public var takenAt: Timestamp?
    /// Halo's log of failed syncs over the window asked for, when read.
    public var errorLog: IntegrationErrorLog?

    /// Creates a snapshot.
    public init(
        remote: RemoteState, customers: [DoctorRecord], products: [DoctorRecord], suppliers: [DoctorRecord],
        takenAt: Timestamp? = nil,
        errorLog: IntegrationErrorLog? = nil
    ) {
        self.takenAt = takenAt
        self.errorLog = errorLog
        self.remote = remote
        self.customers = customers
        self.products = products
        self.suppliers = suppliers
    }
}
