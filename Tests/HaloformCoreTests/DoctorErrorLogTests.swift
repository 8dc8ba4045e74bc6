import HaloformCore
import JSONText
import Testing

/// The doctor over Halo's error log and the tenants' connection state, given the moment the snapshot was taken.
struct DoctorErrorLogTests {
    static let now = Timestamp(iso: "2026-12-01T12:00:00Z")!

    static func error(
        module: Int, detail: Int, _ type: String, _ id: Int, _ name: String, hoursAgo: Double,
        _ message: String = "failed"
    ) -> JSONObject {
        [
            "id": 1, "module_id": .int(module), "detail_id": .int(detail), "entity_type": .string(type),
            "entity_id": .int(id),
            "entity_name": .string(name), "error": .string(message),
            "date": .string(now.adding(seconds: -hoursAgo * 3600).iso),
        ]
    }

    func examine(_ records: [JSONObject], since days: Double = 7) -> DoctorReport {
        var snapshot = DoctorTests.snapshot
        snapshot.takenAt = Self.now
        snapshot.errorLog = IntegrationErrorLog(since: Self.now.adding(seconds: -days * 86_400), records: records)
        return Doctor(config: load(DoctorTests.config).config, snapshot: snapshot).examine()
    }

    @Test func errorsAreGroupedPerTenantAndEntityWithinTheWindow() throws {
        let report = examine([
            Self.error(module: 1, detail: 1, "Invoice", 42, "INV-42", hoursAgo: 30, "older message"),
            Self.error(module: 1, detail: 1, "Invoice", 42, "INV-42", hoursAgo: 2, "newest message"),
            Self.error(module: 1, detail: 1, "Customer", 3, "Healthy", hoursAgo: 200),
            Self.error(module: 2, detail: 1, "Invoice", 7, "INV-7", hoursAgo: 1),
            Self.error(module: 1, detail: 9, "Invoice", 8, "Not ours", hoursAgo: 1),
            Self.error(module: 5, detail: 1, "Invoice", 9, "Other module", hoursAgo: 1),
        ])
        let logged = report.findings.filter { $0.check == .syncErrorsLogged }
        #expect(
            logged.map(\.name) == ["Invoice 'INV-7'", "Invoice 'INV-42'"],
            "Business Central's tenant first, then Exact's")
        #expect(logged.map(\.tenant) == [CatalogKey(.businessCentral, "prod"), CatalogKey(.exactOnline, "nl")])
        let invoice = try #require(logged.last)
        #expect(invoice.count == 2)
        #expect(invoice.id == 42)
        #expect(invoice.entityType == "Invoice")
        #expect(invoice.latest == Self.now.adding(seconds: -7200))
        #expect(invoice.reason == "failed 2 times in the last 7 days, last 2 hours ago: newest message")
        #expect(!report.isClean)

        let wider = examine([Self.error(module: 1, detail: 1, "Customer", 3, "Healthy", hoursAgo: 200)], since: 14)
        #expect(
            wider.findings.first { $0.check == .syncErrorsLogged }?.reason
                == "failed once in the last 14 days, last 8 days ago: failed")
    }

    @Test func tenantsAreJudgedByTheirConnectionAtTheSnapshotsMoment() {
        var snapshot = DoctorTests.snapshot
        snapshot.takenAt = Self.now
        snapshot.remote[.exactDetails][0]["isauthorized"] = true
        snapshot.remote[.exactDetails][0]["tokenexpiry"] = "2026-12-03T12:00:00Z"
        let report = Doctor(config: load(DoctorTests.config).config, snapshot: snapshot).examine()
        let connection = report.findings.filter {
            [.tenantNotConnected, .tenantTokenExpired, .tenantTokenExpiring].contains($0.check)
        }
        #expect(connection.map(\.check) == [.tenantNotConnected, .tenantTokenExpiring])
        #expect(connection.map(\.name) == ["business_central.tenant[\"prod\"]", "exact_online.tenant[\"nl\"]"])
        #expect(
            connection.map(\.reason) == [
                "not connected in Halo: nothing syncs until it is; fix: Configuration > Integrations > Dynamics Business Central > Manage Companies > 'prod': press the 'Authorize Application' button to complete the Microsoft sign in",
                "its authorisation token expires in 2 days (2026-12-03T12:00:00Z); fix: Configuration > Integrations > Exact Online > Exact Online companies > 'nl': Exact's guide: \"the authorisation token for the integration has expired. This can be resolved by disconnecting and reconnecting to Exact on the Integration details page in Halo\"",
            ])
        // A problem a week ahead, as issue 10 asks: a pipeline's doctor fails while there is still time to reconnect.
        #expect(DoctorCheck.tenantTokenExpiring.severity == .problem)
        #expect(
            report.blocked.everything == [
                "every invoice of business_central: the Business Central module is disabled: nothing syncs",
                "every invoice of business_central.tenant[\"prod\"]: it is not connected in Halo",
                "every invoice of business_central.tenant[\"prod\"]: invoices are not in its sync list",
            ])

        let unjudged = Doctor(config: load(DoctorTests.config).config, snapshot: DoctorTests.snapshot).examine()
        #expect(!unjudged.findings.contains { $0.check == .tenantNotConnected }, "no moment, no judgement")
    }
}
