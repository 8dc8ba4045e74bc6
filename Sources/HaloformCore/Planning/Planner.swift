import JSONText

/// Options that change what a plan contains.
public struct PlanOptions: Sendable, Hashable {
    /// Push every tenant's secret again, though Halo cannot say whether it changed.
    public var rotateSecrets: Bool
    /// The moment tenants' tokens are judged at (the caller's clock: the core has none); nil leaves connections unjudged.
    public var now: Timestamp?

    /// Creates options.
    public init(rotateSecrets: Bool = false, now: Timestamp? = nil) {
        self.rotateSecrets = rotateSecrets
        self.now = now
    }
}

/// The plan, or the located reasons there is none.
public struct PlanResult: Sendable {
    /// The plan, when every reference resolved.
    public var plan: Plan?
    /// Problems found while planning (unresolved references, unset variables) and the config's warnings.
    public var diagnostics: [Diagnostic]
}

/// A plan worked out but not yet stamped with the fingerprint of the remote state it was made against.
public struct PlanDraft: Sendable {
    /// The plan, its fingerprint still empty; nil when a reference did not resolve.
    fileprivate let plan: Plan?
    /// Problems found while planning, and the config's warnings.
    public let diagnostics: [Diagnostic]

    /// The plan, stamped with the fingerprint of the remote state it was made against.
    public func stamped(remoteFingerprint: String) -> PlanResult {
        var plan = plan
        plan?.remoteFingerprint = remoteFingerprint
        return PlanResult(plan: plan, diagnostics: diagnostics)
    }
}

/// Compares a config with what Halo holds and works out the changes: pure, `Config × RemoteState → Plan`.
public struct Planner {
    let config: Config
    let remote: RemoteState
    let environment: ConfigEnvironment
    let options: PlanOptions

    let clients: HaloNames
    let topLevels: HaloNames
    let productGroups: HaloNames
    let taxes: HaloNames

    var diagnostics: [Diagnostic] = []
    var changes = PhasedList<PlannedChange>()
    var operations = PhasedList<Operation>()
    var warnings: [PlanWarning] = []
    var drift: [Drift] = []
    /// Halo tax records' field updates, merged so each record gets one POST.
    var taxUpdates: [Int: RecordUpdate] = [:]
    /// `/Control` field updates, merged into one POST.
    var controlUpdate = RecordUpdate()
    /// The changes to `/Control`, one per integration, which that POST carries.
    var controlChanges: [PlannedChange] = []
    /// Tenants that get a new Halo record in this plan (created or replaced), so their id is known only after apply.
    var newTenants = Set<String>()
    /// The Halo tax rates each integration's companies will link after apply, by tax id.
    var linkedTaxes: [Integration: Set<Int>] = [:]
    /// Product groups' per-tenant accounts, merged so each group gets one POST, by group id.
    var groupAccountUpdates: [Int: RecordUpdate] = [:]
    /// The settings of each tenant whose change the plan shows.
    var changedSettings: [CatalogKey: Set<TenantField>] = [:]
    /// The tenants each Halo customer will be linked in after apply, by customer id.
    var linkedCustomers: CustomerLinks

    /// Prepares a plan of `config` against `remote`.
    public init(
        config: Config, remote: RemoteState, environment: ConfigEnvironment, options: PlanOptions = PlanOptions()
    ) {
        self.config = config
        self.remote = remote
        self.environment = environment
        self.options = options
        clients = HaloNames("customer", remote.clients)
        topLevels = HaloNames("top level", remote.topLevels)
        productGroups = HaloNames("product group", remote.productGroups)
        taxes = HaloNames("tax rate", remote.taxRecords.compactMap(\.named))
        linkedCustomers = CustomerLinks(capacity: remote.clients.count)
    }

    /// Works out the plan.
    public func plan() -> PlanResult {
        draft().stamped(remoteFingerprint: remote.fingerprint)
    }

    /// Works out the plan but for the remote state's fingerprint, which the caller may hash meanwhile on another core.
    public func draft() -> PlanDraft {
        var planner = self
        for integration in config.declaredIntegrations {
            planner.planModule(integration)
            planner.planTenants(integration)
            planner.planTaxLinks(integration)
            planner.planGroupAccounts(integration)
            planner.planDefaults(integration)
        }
        planner.planBilling()
        planner.flushTaxUpdates()
        planner.flushGroupAccounts()
        planner.flushControlUpdates()
        planner.warnAboutTaxImports()
        planner.warnAboutCustomersLinkedTwice()
        guard !planner.diagnostics.hasErrors else {
            return PlanDraft(plan: nil, diagnostics: planner.diagnostics.sortedByLocation())
        }
        var plan = Plan(
            remoteFingerprint: "",
            changes: planner.changes.ordered,
            operations: planner.operations.ordered,
            warnings: planner.warnings,
            drift: planner.drift
        )
        plan.connections = planner.connectionNotes()
        plan.followUp = planner.followUps(after: plan.changes)
        plan.uncovered = Coverage.uncovered(config: planner.config, state: planner.remote)
        return PlanDraft(plan: plan, diagnostics: planner.diagnostics.sortedByLocation())
    }

    /// Unwraps a resolution, recording its error.
    mutating func take<Value>(_ result: Result<Value, Diagnostic>) -> Value? {
        switch result {
        case .success(let value): return value
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}

/// When a change applies: creates and updates by kind of thing, then deletions in reverse.
enum Phase: Int, CaseIterable {
    case modules, tenants, taxLinks, groupAccounts, defaults
    case removeTaxLinks, removeTenants, removeModules
}

/// Items gathered in any order and read back phase by phase.
struct PhasedList<Item> {
    /// Each phase's items, by the phase's raw value.
    private var items = [[Item]](repeating: [], count: Phase.allCases.count)

    /// Adds an item to a phase.
    mutating func append(_ item: Item, in phase: Phase) {
        items[phase.rawValue].append(item)
    }

    /// All items, phase by phase, in the order each phase received them.
    var ordered: [Item] {
        Array(items.joined())
    }
}
