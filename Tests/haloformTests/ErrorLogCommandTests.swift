import Foundation
import Testing

/// `haloform doctor` reading Halo's log of failed syncs, end to end: the sandbox's seeded errors on a fresh copy of
/// examples/acme, grouped per tenant and entity, over the window `--since` sets.
@Suite(.serialized) struct ErrorLogCommandTests {
    /// A fresh examples/acme, applied, its tenants connected: only the error log is left to report on the tenants.
    static func appliedAcme() async throws -> URL {
        let root = try HaloformBinary.copyExample("acme")
        #expect(try await HaloformBinary.run(["apply", "--auto-approve", "."], in: root).status == 0)
        try await HaloEditor.edit(stateOf: root) { try await $0.connectAcme() }
        return root
    }

    static let fix = """
        fix: Halo saves each failed sync against the tenant's record (the Business Central guide: "all errors are saved against the Dynamics Business Central company record in Halo for traceability"): double-click the error there to open the entity, fix what the error names, and save the entity to sync it again
        """

    @Test func theLatestErrorsArePerTenantAndEntityWithCounts() async throws {
        let root = try await Self.appliedAcme()
        let text = try await HaloformBinary.run(["doctor", "."], in: root)
        #expect(text.status == 1)
        #expect(
            text.stdout.contains(
                """

                Failed syncs in Halo's error log (4)
                  \(Self.fix)
                  - Invoice 'INV-0043' (#43) [business_central.tenant["bc-prod"]]: failed once in the last 7 days, last 5 hours ago: Item SERVICE: Gen. Prod. Posting Group must have a value
                  - Customer 'Globex BV' (#2) [exact_online.tenant["exact-be"]]: failed once in the last 7 days, last 2 days ago: Code 1002 is already in use by another account
                  - Invoice 'INV-0042' (#42) [exact_online.tenant["exact-be"]]: failed 3 times in the last 7 days, last 1 hour ago: The item on the invoice cannot be synced to Exact: check the item has the Exact company set and a unique product ID
                  - Customer 'Stark Ltd' (#6) [sage_business_cloud.tenant["sage-uk"]]: failed once in the last 7 days, last 3 days ago: contact_type_ids: at least one contact type is required

                """), "\(text.stdout)")
        #expect(!text.stdout.contains("INV-0044"), "QuickBooks Online is not declared")
        #expect(!text.stdout.contains("INV-0007"), "ten days old: outside the default window")

        let json = try await HaloformBinary.run(["doctor", "--format", "json", "."], in: root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let check = try #require(
            (document["checks"] as? [[String: Any]])?.first { $0["check"] as? String == "sync_errors_logged" })
        #expect(check["severity"] as? String == "problem")
        #expect(check["count"] as? Int == 4)
        let findings = try #require(check["findings"] as? [[String: Any]])
        let invoice = try #require(findings.first { $0["name"] as? String == "Invoice 'INV-0042'" })
        #expect(invoice["count"] as? Int == 3)
        #expect(invoice["entity_type"] as? String == "Invoice")
        #expect(invoice["id"] as? Int == 42)
        #expect(invoice["tenant"] as? String == "exact_online.tenant[\"exact-be\"]")
        #expect(invoice["subject"] as? String == "tenant")
        let latest = try #require(invoice["latest"] as? String)
        let age = try #require(ISO8601DateFormatter().date(from: latest)).distance(to: Date())
        #expect(age > 3500 && age < 3600 + 600, "the latest of the three, an hour before the state was made: \(latest)")
        #expect(findings.map { $0["count"] as? Int } == [1, 1, 3, 1])
    }

    @Test func sinceWidensOrNarrowsTheWindowAndRefusesWhatIsNotADuration() async throws {
        let root = try await Self.appliedAcme()
        let wide = try await HaloformBinary.run(["doctor", "--since", "14d", "."], in: root)
        #expect(wide.stdout.contains("Failed syncs in Halo's error log (5)"), "\(wide.stdout)")
        #expect(
            wide.stdout.contains(
                "  - Invoice 'INV-0007' (#7) [exact_online.tenant[\"exact-be\"]]: failed once in the last 14 days, last 10 days ago: The authorisation token for the integration has expired\n"
            ))

        let narrow = try await HaloformBinary.run(["doctor", "--since", "24h", "."], in: root)
        #expect(narrow.stdout.contains("Failed syncs in Halo's error log (2)"), "\(narrow.stdout)")
        #expect(
            narrow.stdout.contains(
                "  - Invoice 'INV-0042' (#42) [exact_online.tenant[\"exact-be\"]]: failed once in the last 1 day, last 1 hour ago: "
            ))
        let none = try await HaloformBinary.run(["doctor", "--since", "30m", "."], in: root)
        #expect(!none.stdout.contains("Failed syncs"), "\(none.stdout)")

        // Three days on, by the clock offset, the same log has aged: the two-day-old customer error is five days old.
        let later = try await HaloformBinary.run(
            ["doctor", "."], in: root, environment: ["HALOFORM_CLOCK_OFFSET": "3d"])
        #expect(
            later.stdout.contains(
                "  - Customer 'Globex BV' (#2) [exact_online.tenant[\"exact-be\"]]: failed once in the last 7 days, last 5 days ago: "
            ), "\(later.stdout)")
        #expect(
            later.stdout.contains(
                "  - Customer 'Stark Ltd' (#6) [sage_business_cloud.tenant[\"sage-uk\"]]: failed once in the last 7 days, last 6 days ago: "
            ))
        let week = try await HaloformBinary.run(
            ["doctor", "."], in: root, environment: ["HALOFORM_CLOCK_OFFSET": "5d"])
        #expect(!week.stdout.contains("Stark Ltd"), "eight days old by then: out of the window")

        for bad in ["7", "7x", "-1d", "0d", "a week"] {
            let run = try await HaloformBinary.run(["doctor", "--since=\(bad)", "."], in: root)
            #expect(run.status == 64, "\(bad): \(run)")
            #expect(
                run.stderr.contains(
                    "--since: '\(bad)' is not a duration: write a positive whole number and a unit, d, h, m or s (7d, 24h, 30m)"
                ), "\(run.stderr)")
        }
    }
}
