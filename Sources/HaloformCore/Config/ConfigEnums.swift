/// The entities a tenant can sync.
public enum SyncEntity: String, CaseIterable, Sendable {
    case customers, products, invoices
}

/// Exact Online's regions, each with its own host.
public enum ExactLocation: String, CaseIterable, Sendable {
    case nl, be, de, uk, us, fr, es
}

/// The statuses new invoices can get in Exact Online.
public enum ExactInvoiceStatus: String, CaseIterable, Sendable {
    case open, processed

    /// Exact's own code for the status (20 open, 50 processed), assumed to be what Halo's
    /// `exact_default_invoice_status` holds, as Halo's document gives it no values.
    public var code: Int {
        switch self {
        case .open: 20
        case .processed: 50
        }
    }

    /// The status with Exact's code `code`, if one has it.
    public init?(code: Int) {
        guard let status = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = status
    }
}

/// How Halo authenticates to Sage Business Cloud.
/// What a coverage rule demands of a list (`customers.require`, `products.require`).
public enum CoverageRequirement: String, CaseIterable, Sendable {
    /// Every active Halo customer under the tenant's top level (every item group of the tenant) is mapped, or
    /// listed under `unmapped_ok`.
    case allActive = "all_active"
}

/// How an uncovered record counts: a warning (the plan still succeeds) or an error (the run fails).
public enum CoverageSeverity: String, CaseIterable, Sendable {
    case warning, error
}

public enum SageAuthentication: String, CaseIterable, Sendable {
    /// Halo's own Sage app: the default, and the only one Sage sends webhooks to.
    case haloApp = "halo_app"
    /// The MSP's own developer app, which cannot sync.
    case customApp = "custom_app"

    /// The value Halo's `authentication` flag holds for it: true for Halo's own app.
    public var usesHalosApp: Bool { self == .haloApp }

    /// The authentication Halo's `authentication` flag names.
    public init(usesHalosApp: Bool) {
        self = usesHalosApp ? .haloApp : .customApp
    }
}
