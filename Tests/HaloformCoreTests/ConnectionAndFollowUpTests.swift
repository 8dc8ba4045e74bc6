import Foundation
import HaloformCore
import JSONText
import Testing

/// Tenants' connection state and what a person must still do in Halo, as the planner and the renderers give them.
@Suite struct ConnectionAndFollowUpTests {
    static let now = Timestamp(iso: "2026-12-01T04:00:00Z")!

    @Test func timestampsReadHalosDatesAndWriteUTC() throws {
        #expect(Timestamp(iso: "1970-01-01T00:00:00Z")?.secondsSince1970 == 0)
        #expect(Timestamp(iso: "2019-08-02T14:35:55.035Z")?.secondsSince1970 == 1_564_756_555.035)
        #expect(
            Timestamp(iso: "2019-08-02T14:35:55")?.secondsSince1970 == 1_564_756_555, "no offset: UTC, as Halo writes")
        #expect(Timestamp(iso: "2019-08-02T16:35:55+02:00")?.secondsSince1970 == 1_564_756_555)
        #expect(Timestamp(iso: "2024-02-29")?.iso == "2024-02-29T00:00:00Z")
        #expect(Timestamp(secondsSince1970: 1_564_756_555.9).iso == "2019-08-02T14:35:55Z")
        #expect(Timestamp(secondsSince1970: -1).iso == "1969-12-31T23:59:59Z")
        for bad in [
            "", "yesterday", "2019-13-01T00:00:00Z", "2019-08-02T25:00:00Z", "2019-08-02T14:35:55Zjunk",
            "2019-08-02T14:35:55.",
        ] {
            #expect(Timestamp(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func durationsParseWithAUnitAndSayWhatIsWrong() throws {
        #expect(try TimeSpan.parse("7d").get().seconds == 604_800)
        #expect(try TimeSpan.parse("24h").get().seconds == 86_400)
        #expect(try TimeSpan.parse(" 30m ").get().seconds == 1800)
        #expect(try TimeSpan.parse("90s").get().seconds == 90)
        for bad in ["7", "d", "-1d", "0h", "1.5d", "7w", "seven days", ""] {
            guard case .failure(let error) = TimeSpan.parse(bad) else {
                Issue.record("'\(bad)' parsed")
                continue
            }
            #expect(error.description.contains("(7d, 24h, 30m)"))
        }
        #expect(TimeSpan(seconds: 3 * 86_400 + 5).words == "3 days")
        #expect(TimeSpan(seconds: -3600).words == "1 hour")
        #expect(TimeSpan(seconds: 59).words == "59 seconds")
    }

    @Test func aTenantRecordIsJudgedAtTheGivenMoment() {
        func status(_ record: JSONObject, _ integration: Integration = .exactOnline) -> TenantConnection.Status {
            TenantRecord(record, of: integration).connection(at: Self.now).status
        }
        #expect(status([:]) == .notConnected)
        #expect(status(["isauthorized": false, "tokenexpiry": "2027-01-01T00:00:00Z"]) == .notConnected)
        #expect(status(["isauthorized": true]) == .connected, "no expiry given: nothing to warn of")
        #expect(status(["isauthorized": true, "tokenexpiry": "2026-12-01T03:59:59Z"]) == .expired)
        #expect(status(["isauthorized": true, "tokenexpiry": "2026-12-08T03:59:59Z"]) == .expiring)
        #expect(status(["isauthorized": true, "tokenexpiry": "2026-12-08T04:00:00Z"]) == .connected)
        #expect(
            status(["isauthorized": true, "tokenexpiry": "2026-12-01T03:00:00Z"], .businessCentral) == .notConnected,
            "Business Central's fields are authorized and token_expiry")
        #expect(status(["authorized": true, "token_expiry": "2026-12-01T03:00:00Z"], .businessCentral) == .expired)
    }

    /// The fixtures' Halo after the first apply, with each tenant's connection set as `connect` says.
    static func applied(_ connect: (inout RemoteState) -> Void) throws -> RemoteState {
        var simulator = RemoteSimulator(state: PlannerFixtures.emptyHalo)
        simulator.apply(try #require(PlannerFixtures.plan().plan))
        connect(&simulator.state)
        return simulator.state
    }

    @Test func planNotesEveryTenantThatCannotSyncApartFromTheChanges() throws {
        let remote = try Self.applied { state in
            state[.exactDetails][0]["isauthorized"] = true
            state[.exactDetails][0]["tokenexpiry"] = "2026-11-29T04:00:00Z"
            state[.businessCentralDetails][0]["authorized"] = true
            state[.businessCentralDetails][0]["token_expiry"] = "2026-12-04T04:00:00Z"
        }
        let plan = try #require(PlannerFixtures.plan(against: remote, options: PlanOptions(now: Self.now)).plan)
        #expect(!plan.hasChanges)
        #expect(plan.followUp.isEmpty, "no change, nothing to import")
        #expect(
            plan.connections.map(\.tenant) == [
                "exact_online.tenant[\"nl\"]", "business_central.tenant[\"prod\"]",
                "sage_business_cloud.tenant[\"uk\"]",
            ])
        #expect(plan.connections.map(\.status) == [.expired, .expiring, .notConnected])
        #expect(
            plan.connections[0].message
                == "its authorisation token expired 2 days ago (2026-11-29T04:00:00Z): nothing syncs until it is reconnected"
        )
        #expect(
            plan.connections[0].fix.contains(
                "\"the authorisation token for the integration has expired. This can be resolved by disconnecting and reconnecting"
            ))
        #expect(plan.connections[1].message == "its authorisation token expires in 3 days (2026-12-04T04:00:00Z)")
        #expect(
            plan.connections[1].fix
                == "Configuration > Integrations > Dynamics Business Central > Manage Companies > 'prod': press the 'Authorize Application' button to complete the Microsoft sign in again"
        )
        #expect(
            plan.connections[2].fix.hasSuffix(
                "Sage Business Cloud Tenants > 'uk': click the 'Connect Now' button and log in to Sage"))

        let text = PlanTextRenderer(color: false).render(plan)
        #expect(text.hasPrefix("No changes."))
        #expect(
            text.contains(
                """
                Connections (apart from the changes: only a person can connect a tenant, in Halo):
                  ! exact_online.tenant["nl"]: its authorisation token expired 2 days ago (2026-11-29T04:00:00Z): nothing syncs until it is reconnected
                """), "\(text)")
        let markdown = PlanMarkdownRenderer().render(plan)
        #expect(
            markdown.contains(
                "#### Connections (only a person can fix these, in Halo)\n\n- `exact_online.tenant[\"nl\"]`: its authorisation token expired"
            ))

        let unjudged = try #require(PlannerFixtures.plan(against: remote).plan)
        #expect(unjudged.connections.isEmpty, "no moment given, no judgement")
        #expect(unjudged.remoteFingerprint == plan.remoteFingerprint)
    }

    @Test func theFingerprintIgnoresTheConnection() throws {
        let unconnected = try Self.applied { _ in }
        let connected = try Self.applied { state in
            state[.exactDetails][0]["isauthorized"] = true
            state[.exactDetails][0]["tokenexpiry"] = "2027-01-01T00:00:00Z"
        }
        let renamed = try Self.applied { state in state[.exactDetails][0]["locale"] = "be" }
        #expect(
            unconnected.fingerprint == connected.fingerprint, "Halo renews tokens on its own: a saved plan stays good")
        #expect(unconnected.fingerprint != renamed.fingerprint)
    }

    @Test func aFirstPlanSaysToConnectAndImportEachNewTenant() throws {
        let plan = try #require(PlannerFixtures.plan(options: PlanOptions(now: Self.now)).plan)
        #expect(plan.connections.isEmpty, "tenants apply creates are not noted: the follow-up says to connect them")
        #expect(
            plan.followUp.map(\.tenant) == [
                "exact_online.tenant[\"nl\"]", "business_central.tenant[\"prod\"]",
                "sage_business_cloud.tenant[\"uk\"]",
            ])
        #expect(
            plan.followUp.map { $0.steps.map(\.action) } == [
                [.connect, .importCustomers, .importProducts], [.connect, .importCustomers], [.connect],
            ])
        let bcImport = plan.followUp[1].steps[1]
        #expect(
            bcImport.instruction
                == "Configuration > Integrations > Dynamics Business Central > Manage Companies > 'prod': click the 'Import Customers' button and import them in the importer screen"
        )
        #expect(
            bcImport.reason.contains("\"Even if you are manually mapping customers, you must still perform an import"))
        #expect(
            plan.followUp[0].steps[0].instruction.hasSuffix(
                "Exact Online companies > 'nl': select the location and hit 'Connect Now', then log in to Exact Online")
        )

        let text = PlanTextRenderer(color: false).render(plan)
        #expect(
            text.contains(
                """
                Then, in Halo (apply cannot do these):
                  exact_online.tenant["nl"]:
                    1. Configuration > Integrations > Exact Online > Exact Online companies > 'nl': select the location and hit 'Connect Now', then log in to Exact Online
                       why: apply creates the tenant's record, but only a person can connect it; nothing syncs or imports until then
                    2. Configuration > Integrations > Exact Online > Exact Online companies > 'nl': on the 'Customers' tab, import the customers and hit 'start' in the preview
                """), "\(text)")
        let markdown = PlanMarkdownRenderer().render(plan)
        #expect(
            markdown.contains(
                "#### Then, in Halo (apply cannot do these)\n\n- `exact_online.tenant[\"nl\"]`\n  1. Configuration > Integrations > Exact Online"
            ))
    }

    @Test func aMappingChangeAsksForItsImportOnlyInItsTenant() throws {
        let remote = try Self.applied { state in
            for collection in [HaloCollection.exactDetails, .sageBusinessCloudDetails] {
                state[collection][0]["isauthorized"] = true
                state[collection][0]["tokenexpiry"] = "2027-06-01T00:00:00Z"
            }
        }
        let config = PlannerFixtures.config.replacingOccurrences(
            of: "{ halo: Globex BV, exact: \"1002\" }", with: "{ halo: Globex BV, exact: \"1003\" }")
        let plan = try #require(PlannerFixtures.plan(config, against: remote, options: PlanOptions(now: Self.now)).plan)
        #expect(plan.hasChanges)
        #expect(plan.followUp.map(\.tenant) == ["exact_online.tenant[\"nl\"]"])
        #expect(plan.followUp.first?.steps.map(\.action) == [.importCustomers], "connected: no need to connect again")

        let unconnected = try Self.applied { _ in }
        let again = try #require(
            PlannerFixtures.plan(config, against: unconnected, options: PlanOptions(now: Self.now)).plan)
        #expect(
            again.followUp.first?.steps.map(\.action) == [.connect, .importCustomers],
            "an import needs a connection first")
        #expect(
            again.followUp.first?.steps.first?.reason == "it is not connected, so nothing syncs or imports until it is")

        let lapsed = try Self.applied { state in
            state[.exactDetails][0]["isauthorized"] = true
            state[.exactDetails][0]["tokenexpiry"] = "2026-11-30T00:00:00Z"
        }
        let expired = try #require(
            PlannerFixtures.plan(config, against: lapsed, options: PlanOptions(now: Self.now)).plan)
        #expect(
            expired.followUp.first?.steps.first?.reason
                == "its authorisation token has expired, so nothing syncs or imports until it is reconnected")

        let groups = PlannerFixtures.config.replacingOccurrences(
            of: "default_group: Services", with: "default_group: Hardware")
        let regrouped = try #require(
            PlannerFixtures.plan(groups, against: remote, options: PlanOptions(now: Self.now)).plan)
        #expect(regrouped.followUp.first?.steps.map(\.action) == [.importProducts])
    }
}
