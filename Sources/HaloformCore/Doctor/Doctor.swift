import JSONText

/// Runs the "Accounting Tool Not Syncing" checklist over live data for each declared integration and tenant: pure,
/// `Config × DoctorSnapshot → DoctorReport`.
public struct Doctor {
    /// The config whose integrations and tenants are examined.
    let config: Config
    /// What Halo and the accounting systems hold.
    let snapshot: DoctorSnapshot
    /// The declared tenants, in the config's order.
    private let tenants: [DoctorTenant]
    /// The integrations the config declares.
    private let declared: Set<Integration>
    /// Halo's tax rates by id.
    private let taxes: [Int: TaxRecord]

    /// Prepares an examination.
    public init(config: Config, snapshot: DoctorSnapshot) {
        self.config = config
        self.snapshot = snapshot
        declared = Set(config.integrations.keys)
        tenants = config.declaredIntegrations.flatMap { integration in
            integration.tenants.map { DoctorTenant($0, remote: snapshot.remote) }
        }
        taxes = Dictionary(
            snapshot.remote.taxRecords.compactMap { tax in tax.id.map { ($0, tax) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Every finding, what was checked, and what the findings stop.
    public func examine() -> DoctorReport {
        var findings: [DoctorFinding] = []
        var checked = DoctorReport.Checked()
        checked.tenants = tenants.count
        findings += integrationFindings()
        let index = TenantIndex(tenants)
        findings += customerFindings(index, linked: snapshot.remote.customerLinks(), checked: &checked)
        findings += productFindings(index, checked: &checked)
        findings += supplierFindings(checked: &checked)
        findings += errorLogFindings()
        findings += Coverage.uncovered(config: config, state: snapshot.remote).map { record in
            DoctorFinding(
                record.list == .customers ? .customerUncovered : .itemGroupUncovered,
                record.list == .customers ? .customer : .tenant, name: record.key, tenant: record.tenant,
                reason: "\(record.rule): \(record.reason)")
        }
        let order = Dictionary(uniqueKeysWithValues: DoctorCheck.allCases.enumerated().map { ($1, $0) })
        // Logged failures read per tenant, in the order of their addresses as text; every other check's findings by record id.
        func tenantKey(_ finding: DoctorFinding) -> String {
            finding.check == .syncErrorsLogged ? finding.tenant?.description ?? "" : ""
        }
        findings.sort {
            ((order[$0.check]!, tenantKey($0), $0.id ?? 0, $0.name))
                < ((order[$1.check]!, tenantKey($1), $1.id ?? 0, $1.name))
        }
        return DoctorReport(findings: findings, checked: checked, blocked: blocked(findings))
    }

    // MARK: - Integrations and tenants

    /// The modules' and declared tenants' findings: switched on, connected, syncing what they should.
    private func integrationFindings() -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        for integration in config.declaredIntegrations {
            let kind = integration.integration
            let module = snapshot.remote.module(kind)
            if module?.enabled != true {
                findings.append(
                    DoctorFinding(
                        .moduleDisabled, .integration, name: kind.key,
                        reason:
                            "the \(kind.displayName) module is \(module == nil ? "not in Halo" : "disabled"): nothing syncs"
                    ))
            }
        }
        for tenant in tenants {
            let key = tenant.key
            let address = key.description
            guard let record = tenant.record else {
                findings.append(
                    DoctorFinding(
                        .tenantMissing, .tenant, name: address, tenant: key,
                        reason:
                            "Halo holds no \(tenant.integration.displayName) tenant named '\(tenant.config.name.value)'"
                    ))
                continue
            }
            if let now = snapshot.takenAt {
                let connection = record.connection(at: now)
                let check: DoctorCheck? =
                    switch connection.status {
                    case .connected: nil
                    case .notConnected: .tenantNotConnected
                    case .expired: .tenantTokenExpired
                    case .expiring: .tenantTokenExpiring
                    }
                if let check {
                    findings.append(
                        DoctorFinding(
                            check, .tenant, name: address, tenant: key,
                            reason:
                                "\(connection.situation(now: now)); fix: \(connection.fix(tenant.integration, tenant: tenant.config.name.value))"
                        ))
                }
            }
            if tenant.cannotSync {
                findings.append(
                    DoctorFinding(
                        .syncUnsupported, .tenant, name: address, tenant: key,
                        reason:
                            "it connects with a custom developer app, to which Sage sends no webhooks: nothing syncs, so no entity is to be added"
                    ))
            } else {
                let entities = Set(record.syncEntities)
                // An entity the config's list leaves out is left out on purpose; one it lists that Halo lacks is not.
                let chosen = tenant.config.sync?.entities.map { Set($0.value.map(\.value)) }
                for entity in SyncEntity.allCases where !entities.contains(entity) {
                    if let chosen, !chosen.contains(entity) {
                        findings.append(
                            DoctorFinding(
                                .entityLeftOut, .tenant, name: address, tenant: key, entity: entity,
                                reason:
                                    "\(entity.rawValue) are left out of sync.entities: new and edited \(entity.rawValue) do not sync"
                            ))
                    } else {
                        findings.append(
                            DoctorFinding(
                                .entityNotSynced, .tenant, name: address, tenant: key, entity: entity,
                                reason:
                                    "\(entity.rawValue) are not in its sync list: new and edited \(entity.rawValue) do not sync"
                            ))
                    }
                }
                if record[.showSuccessMessage]?.bool != true {
                    findings.append(
                        DoctorFinding(
                            .successMessageOff, .tenant, name: address, tenant: key,
                            reason: "no message shows for each successful sync, so failures go unseen"))
                }
            }
            if tenant.integration == .sageBusinessCloud, let business = tenant.config.business?.value {
                findings.append(
                    DoctorFinding(
                        .sageBusinessUnconfirmed, .tenant, name: address, tenant: key,
                        reason:
                            "Halo keeps no Sage business on the tenant (its own Sage login picks it), so haloform cannot confirm it is '\(business)', the business whose codes it reads"
                    ))
            }
            if tenant.integration == .businessCentral {
                let item = record[.defaultInvoiceProduct]?.string ?? ""
                if item.isEmpty {
                    findings.append(
                        DoctorFinding(
                            .defaultInvoiceProductUnset, .tenant, name: address, tenant: key,
                            reason: "invoice lines whose product is not linked to Business Central do not sync"))
                } else if let items = tenant.catalog?.items, !items.contains(where: { $0.code == item }) {
                    findings.append(
                        DoctorFinding(
                            .defaultInvoiceProductUnknown, .tenant, name: address, tenant: key,
                            reason: "item '\(item)' is not in Business Central"))
                }
            }
        }
        return findings
    }

    // MARK: - Records

    /// An Exact Online customer's accounts id in its division, which no other customer of the division may share.
    private struct ExactAccountsID: Hashable {
        /// The division of the tenant the customer is linked to.
        var division: Int
        /// The customer's accounts id.
        var accountsID: String
    }

    /// Each active customer's findings: linked to a declared tenant, matchable there, not excluded, its tax linked.
    private func customerFindings(
        _ index: TenantIndex, linked: [Int: [CatalogKey]], checked: inout DoctorReport.Checked
    ) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        var exactIDs: [ExactAccountsID: [DoctorRecord]] = [:]
        for customer in snapshot.customers {
            if customer.inactive {
                checked.inactiveCustomers += 1
                findings.append(
                    DoctorFinding(
                        .customerInactive, .customer, id: customer.id, name: customer.name,
                        reason: "inactive, so it was not checked"))
                continue
            }
            let places = linked[customer.id] ?? []
            guard let link = index.link(customer, mappedIn: places, declared: declared) else { continue }
            checked.customers += 1
            func add(_ check: DoctorCheck, _ reason: String) {
                findings.append(
                    DoctorFinding(
                        check, .customer, id: customer.id, name: customer.name, tenant: link.tenants.first?.key,
                        reason: reason))
            }
            // Business Central syncs only customers with an accounts id: "This allows you to choose which customers are synced".
            let choosesByID = !link.tenants.isEmpty && link.tenants.allSatisfy { $0.integration == .businessCentral }
            common(
                customer, link, noun: "customer",
                checks: (
                    .customerNotLinked, choosesByID ? .customerLeftOutOfSync : .customerNoAccountsID, .customerExcluded
                ), add: add)
            if let taxID = customer.taxID {
                for tenant in link.tenants {
                    if let reason = unlinkedTax(taxID, tenant) { add(.customerTaxNotLinked, "its \(reason)") }
                }
            }
            for tenant in link.tenants where tenant.integration == .exactOnline && !customer.accountsID.isEmpty {
                if !customer.accountsID.allSatisfy(\.isASCIIDigit) {
                    add(
                        .customerIDNotNumeric,
                        "accounts id '\(customer.accountsID)' is not a number, as Exact Online needs")
                }
                exactIDs[
                    ExactAccountsID(division: tenant.config.division?.value ?? 0, accountsID: customer.accountsID),
                    default: []
                ].append(customer)
            }
            if places.count > 1, places.contains(where: { declared.contains($0.integration) }) {
                // Named in the order of their addresses as text, as reports have always listed them.
                let distinct = Set(places).map(\.description).sorted()
                let reason =
                    distinct.count == 1
                    ? "linked to \(places.count) accounting customers in \(distinct[0]); the one synced last wins"
                    : "linked to accounting customers in \(distinct.joined(separator: " and ")); the one synced last wins"
                add(.customerLinkedTwice, reason)
            }
        }
        for (key, sharing) in exactIDs where sharing.count > 1 {
            for customer in sharing {
                let others = sharing.filter { $0.id != customer.id }.map { "'\($0.name)'" }.joined(separator: ", ")
                findings.append(
                    DoctorFinding(
                        .customerIDDuplicate, .customer, id: customer.id, name: customer.name,
                        reason: "accounts id '\(key.accountsID)' is shared with \(others)"))
            }
        }
        return findings
    }

    /// Each product's findings: linked, matchable, not excluded, the tax that applies linked, its account codes known.
    private func productFindings(_ index: TenantIndex, checked: inout DoctorReport.Checked) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        var byAccountsID: [String: [DoctorRecord]] = [:]
        let groups = Dictionary(
            snapshot.remote.productGroupRecords.compactMap { group in group.id.map { ($0, group) } },
            uniquingKeysWith: { first, _ in first })
        let globalDefault = snapshot.remote.controlRecord.defaultItemTax
        for product in snapshot.products {
            guard let link = index.link(product, mappedIn: [], declared: declared) else { continue }
            checked.products += 1
            func add(_ check: DoctorCheck, _ tenant: DoctorTenant?, _ reason: String) {
                findings.append(
                    DoctorFinding(
                        check, .product, id: product.id, name: product.name,
                        tenant: (tenant ?? link.tenants.first)?.key, reason: reason))
            }
            common(product, link, noun: "product", checks: (.productNotLinked, .productNoAccountsID, .productExcluded))
            { add($0, nil, $1) }
            if !product.accountsID.isEmpty { byAccountsID[product.accountsID, default: []].append(product) }
            for tenant in link.tenants {
                if TaxRecord.links(tenant.integration) {
                    // The tax that applies: the product's own, else its group's ("Use Item Group Tax"), else the global default.
                    let group = product.groupID.flatMap { groups[$0] }
                    let groupTax = group?.taxID
                    var applying: (id: Int, source: String)?
                    if let own = product.taxID {
                        applying = (own, "")
                    } else if let groupTax {
                        applying = (groupTax, " (from its group '\(group?.name ?? "?")')")
                    } else if let globalDefault {
                        applying = (globalDefault, " (the global default)")
                    }
                    if let applying {
                        if let reason = unlinkedTax(applying.id, tenant) {
                            add(.productTaxNotLinked, tenant, reason + applying.source)
                        }
                    } else {
                        add(.productTaxUnset, tenant, "no tax rate, on the product, its group or as the global default")
                    }
                }
                if let chart = tenant.accountCodes {
                    for code in product.accountCodes where !chart.contains(code) {
                        add(
                            .productAccountCodeUnknown, tenant,
                            "accounts code '\(code)' is not in \(tenant.key)'s chart of accounts")
                    }
                }
            }
        }
        for (id, sharing) in byAccountsID where sharing.count > 1 {
            for product in sharing {
                let others = sharing.filter { $0.id != product.id }.map { "'\($0.name)'" }.joined(separator: ", ")
                findings.append(
                    DoctorFinding(
                        .productIDDuplicate, .product, id: product.id, name: product.name,
                        reason: "accounts id '\(id)' is shared with \(others)"))
            }
        }
        return findings
    }

    /// Each active supplier's findings: an accounts id and the switch, all Halo keeps on them for the integrations.
    private func supplierFindings(checked: inout DoctorReport.Checked) -> [DoctorFinding] {
        guard !tenants.isEmpty else { return [] }
        var findings: [DoctorFinding] = []
        for supplier in snapshot.suppliers {
            if supplier.inactive {
                checked.inactiveSuppliers += 1
                findings.append(
                    DoctorFinding(
                        .supplierInactive, .supplier, id: supplier.id, name: supplier.name,
                        reason: "inactive, so it was not checked"))
                continue
            }
            checked.suppliers += 1
            // Halo keeps no Exact, Business Central or Sage tenant on suppliers, so only the id and the switch are checked.
            if supplier.accountsID.isEmpty {
                findings.append(
                    DoctorFinding(
                        .supplierNoAccountsID, .supplier, id: supplier.id, name: supplier.name,
                        reason: "no accounts id, so its purchase orders do not sync"))
            }
            if supplier.excluded {
                findings.append(
                    DoctorFinding(
                        .supplierExcluded, .supplier, id: supplier.id, name: supplier.name,
                        reason: "'Exclude from Accounting Integration' is on"))
            }
        }
        return findings
    }

    /// Why a tax rate will not sync to a tenant (not linked to one of its tax codes), or nil when it will.
    private func unlinkedTax(_ taxID: Int, _ tenant: DoctorTenant) -> String? {
        guard TaxRecord.links(tenant.integration) else { return nil }
        let tax = taxes[taxID]
        let code = tax?.linkedCode(tenant.integration) ?? ""
        guard tax?.linkedTenant(tenant.integration) != tenant.taxOwner || code.isEmpty else { return nil }
        let name = tax?.name.map { "'\($0)'" } ?? "\(taxID)"
        return "tax rate \(name) is not linked to a tax code of \(tenant.key)"
    }

    /// Halo's logged failed syncs of each declared tenant, one finding per entity with its count and latest error. An
    /// entry names its tenant by the integration's module id (its `/Features` record) and the tenant record's id.
    private func errorLogFindings() -> [DoctorFinding] {
        guard let log = snapshot.errorLog else { return [] }
        var findings: [DoctorFinding] = []
        for tenant in tenants {
            guard let recordID = tenant.record?.id, let moduleID = snapshot.remote.module(tenant.integration)?.id else {
                continue
            }
            let entries = log.entries.filter { $0.moduleID == moduleID && $0.detailID == recordID }
            let byEntity = Dictionary(grouping: entries, by: \.entity)
            for group in byEntity.values {
                let latest = group.max { ($0.date ?? log.since) < ($1.date ?? log.since) }!
                // Ages rather than dates, so the same log reads the same whenever it is examined.
                let window: String, last: String
                if let now = snapshot.takenAt {
                    window = "in the last " + TimeSpan(seconds: now.secondsSince1970 - log.since.secondsSince1970).words
                    last =
                        latest.date.map { TimeSpan(seconds: now.secondsSince1970 - $0.secondsSince1970).words + " ago" }
                        ?? "at an unknown time"
                } else {
                    window = "since \(log.since.iso)"
                    last = "at \(latest.date?.iso ?? "an unknown time")"
                }
                let times = group.count == 1 ? "failed once" : "failed \(group.count) times"
                var finding = DoctorFinding(
                    .syncErrorsLogged, .tenant, id: latest.entityID,
                    name: "\(latest.entityType) '\(latest.entityName)'", tenant: tenant.key,
                    reason: "\(times) \(window), last \(last): \(latest.error)")
                finding.count = group.count
                finding.latest = latest.date
                finding.entityType = latest.entityType
                findings.append(finding)
            }
        }
        return findings
    }

    /// The checks customers and products share: linked, has an accounts id, not excluded.
    private func common(
        _ record: DoctorRecord, _ link: TenantIndex.Link, noun: String, checks: (DoctorCheck, DoctorCheck, DoctorCheck),
        add: (DoctorCheck, String) -> Void
    ) {
        if link.tenants.isEmpty {
            add(
                checks.0,
                link.stray.map { "linked to \($0), which no declared tenant connects" }
                    ?? "linked to no tenant of \(declaredNames)")
        }
        if record.accountsID.isEmpty {
            add(
                checks.1,
                checks.1 == .customerLeftOutOfSync
                    ? "no accounts id, so Business Central leaves it out of the sync, as its guide allows"
                    : "no accounts id, so it cannot be matched in the accounting system")
        }
        if record.excluded { add(checks.2, "'Exclude from Accounting Integration' is on") }
    }

    /// The declared integrations' keys, as a reason names them.
    private var declaredNames: String {
        config.declaredIntegrations.map(\.integration.key).joined(separator: ", ")
    }

    // MARK: - Blocked work

    /// What the blocking findings stop: whole tenants first, then each record once.
    private func blocked(_ findings: [DoctorFinding]) -> DoctorReport.Blocked {
        var blocked = DoctorReport.Blocked()
        var seen: [DoctorFinding.Subject: Set<Int>] = [:]
        for finding in findings {
            /// Lists the finding's record under `records`, once however many findings it has.
            func block(_ records: WritableKeyPath<DoctorReport.Blocked, [DoctorReport.Blocked.Record]>) {
                let id = finding.id ?? 0
                if seen[finding.subject, default: []].insert(id).inserted {
                    blocked[keyPath: records].append(.init(id, finding.name))
                }
            }
            switch finding.check {
            case .moduleDisabled:
                blocked.everything.append("every invoice of \(finding.name): \(finding.reason)")
            case .tenantMissing, .tenantNotConnected:
                blocked.everything.append("every invoice of \(finding.name): it is not connected in Halo")
            case .tenantTokenExpired:
                blocked.everything.append("every invoice of \(finding.name): its authorisation token has expired")
            case .entityNotSynced where finding.entity == .invoices:
                blocked.everything.append("every invoice of \(finding.name): invoices are not in its sync list")
            case .customerNotLinked, .customerNoAccountsID, .customerExcluded, .customerIDNotNumeric,
                .customerIDDuplicate,
                .customerTaxNotLinked:
                block(\.customers)
            case .productNotLinked, .productNoAccountsID, .productExcluded, .productIDDuplicate, .productTaxUnset,
                .productTaxNotLinked,
                .productAccountCodeUnknown:
                block(\.products)
            case .supplierNoAccountsID, .supplierExcluded:
                block(\.suppliers)
            default:
                break
            }
        }
        return blocked
    }
}

extension Character {
    /// Whether this is one of 0-9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
