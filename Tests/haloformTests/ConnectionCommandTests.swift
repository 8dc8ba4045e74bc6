import Foundation
import Testing

/// Tenants' connection state and the steps left for a person in Halo, end to end: the binary against the sandbox of a
/// fresh copy of examples/acme, time moved with HALOFORM_CLOCK_OFFSET.
@Suite(.serialized) struct ConnectionCommandTests {
    static let tenants = [
        "exact_online.tenant[\"exact-be\"]", "exact_online.tenant[\"exact-nl\"]",
        "business_central.tenant[\"bc-prod\"]",
        "business_central.tenant[\"bc-uk\"]", "sage_business_cloud.tenant[\"sage-uk\"]",
    ]

    func json(_ run: HaloformBinary.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func theFirstPlanSaysWhatStillHasToHappenInHalo() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let text = try await HaloformBinary.run(["plan", "."], in: root)
        #expect(text.status == 0, "\(text)")
        #expect(!text.stdout.contains("Connections ("), "no tenant exists yet, so none is noted")
        #expect(
            text.stdout.contains(
                """
                Then, in Halo (apply cannot do these):
                  exact_online.tenant["exact-be"]:
                    1. Configuration > Integrations > Exact Online > Exact Online companies > 'exact-be': select the location and hit 'Connect Now', then log in to Exact Online
                       why: apply creates the tenant's record, but only a person can connect it; nothing syncs or imports until then
                    2. Configuration > Integrations > Exact Online > Exact Online companies > 'exact-be': on the 'Customers' tab, import the customers and hit 'start' in the preview
                """), "\(text.stdout)")
        #expect(
            text.stdout.contains("Business Central > Manage Companies > 'bc-prod': click the 'Import Customers' button")
        )

        let plan = try json(try await HaloformBinary.run(["plan", "--format", "json", "."], in: root))
        let followUp = try #require(plan["follow_up"] as? [[String: Any]])
        #expect(followUp.map { $0["tenant"] as? String } == Self.tenants)
        for entry in followUp {
            let steps = try #require(entry["steps"] as? [[String: Any]])
            #expect(steps.first?["action"] as? String == "connect", "\(entry)")
            #expect(
                steps.allSatisfy {
                    ($0["instruction"] as? String)?.hasPrefix("Configuration > Integrations > ") == true
                })
        }
        #expect(
            (followUp[2]["steps"] as? [[String: Any]])?.map { $0["action"] as? String } == [
                "connect", "import_customers", "import_products",
            ])
        #expect((plan["connections"] as? [Any])?.isEmpty == true)

        let markdown = try await HaloformBinary.run(["plan", "--format", "markdown", "."], in: root)
        #expect(
            markdown.stdout.contains(
                "#### Then, in Halo (apply cannot do these)\n\n- `exact_online.tenant[\"exact-be\"]`\n  1. Configuration"
            ), "\(markdown.stdout)")
    }

    @Test func appliedTenantsAreNotedUntilAPersonConnectsThem() async throws {
        let root = try HaloformBinary.copyExample("acme")
        #expect(try await HaloformBinary.run(["apply", "--auto-approve", "."], in: root).status == 0)

        let unconnected = try await HaloformBinary.run(["plan", "--detailed-exitcode", "."], in: root)
        #expect(unconnected.status == 0, "notes are not changes: \(unconnected)")
        #expect(unconnected.stdout.hasPrefix("No changes."))
        #expect(!unconnected.stdout.contains("Then, in Halo"), "nothing changes, so nothing to import")
        #expect(
            unconnected.stdout.contains(
                """
                Connections (apart from the changes: only a person can connect a tenant, in Halo):
                  ! exact_online.tenant["exact-be"]: not connected in Halo: nothing syncs until it is
                      fix: Configuration > Integrations > Exact Online > Exact Online companies > 'exact-be': select the location and hit 'Connect Now', then log in to Exact Online
                """), "\(unconnected.stdout)")
        #expect(
            unconnected.stdout.contains(
                "'bc-uk': press the 'Authorize Application' button to complete the Microsoft sign in\n"))
        let notes = try #require(
            try json(try await HaloformBinary.run(["plan", "--format", "json", "."], in: root))["connections"]
                as? [[String: Any]])
        #expect(notes.map { $0["tenant"] as? String } == Self.tenants)
        #expect(notes.allSatisfy { $0["status"] as? String == "not_connected" && $0["token_expiry"] == nil })

        let doctorRun = try await HaloformBinary.run(["doctor", "--format", "json", "."], in: root)
        let doctor = try json(doctorRun)
        let found = try await DoctorCommandTests.findingsByCheck(doctorRun.stdout)
        #expect(found["tenant_not_connected"] == Self.tenants.sorted())
        let check = try #require(
            (doctor["checks"] as? [[String: Any]])?.first { $0["check"] as? String == "tenant_not_connected" })
        #expect(check["severity"] as? String == "problem")
        #expect(
            (check["fix"] as? String)?.contains("'Authorize Application' for a Dynamics Business Central company")
                == true)
        let everything = (doctor["blocked"] as? [String: Any])?["everything"] as? [String] ?? []
        #expect(
            everything.contains("every invoice of exact_online.tenant[\"exact-be\"]: it is not connected in Halo"),
            "\(everything)")

        // A person connects every tenant: the notes go, and come back as the token nears its expiry (30 days).
        try await HaloEditor.edit(stateOf: root) { try await $0.connectAcme() }
        let connected = try await HaloformBinary.run(["plan", "."], in: root)
        #expect(!connected.stdout.contains("Connections ("), "\(connected.stdout)")
        let clean = try await HaloformBinary.run(["doctor", "--format", "json", "."], in: root)
        let cleanFound = try await DoctorCommandTests.findingsByCheck(clean.stdout)
        #expect(cleanFound.keys.filter { $0.hasPrefix("tenant_") }.isEmpty, "\(cleanFound.keys)")

        let soon = try await HaloformBinary.run(
            ["plan", "--format", "json", "."], in: root, environment: ["HALOFORM_CLOCK_OFFSET": "24d"])
        let soonNotes = try #require(try json(soon)["connections"] as? [[String: Any]])
        #expect(soonNotes.count == 5)
        #expect(
            soonNotes.allSatisfy {
                $0["status"] as? String == "expiring"
                    && ($0["message"] as? String)?.hasPrefix("its authorisation token expires in 5 days (") == true
            },
            "\(soonNotes)")
        let soonDoctor = try await HaloformBinary.run(
            ["doctor", "--format", "json", "."], in: root, environment: ["HALOFORM_CLOCK_OFFSET": "24d"])
        #expect(try await DoctorCommandTests.findingsByCheck(soonDoctor.stdout)["tenant_token_expiring"]?.count == 5)
        #expect(soonDoctor.status == 1, "a token that expires within 7 days is a problem: \(soonDoctor.stdout)")

        let late = try await HaloformBinary.run(
            ["doctor", "."], in: root, environment: ["HALOFORM_CLOCK_OFFSET": "31d"])
        #expect(late.status == 1)
        #expect(
            late.stdout.contains(
                """
                Tenants whose authorisation token has expired (5)
                  fix: Reconnect it on its page in Halo. Exact Online: "the authorisation token for the integration has expired. This can be resolved by disconnecting and reconnecting to Exact on the Integration details page in Halo"; Business Central: 'Authorize Application' again; Sage: 'Connect Now' again
                """), "\(late.stdout)")
        #expect(
            late.stdout.contains("  - exact_online.tenant[\"exact-be\"]: its authorisation token expired 1 day ago ("),
            "\(late.stdout)")
        let latePlan = try await HaloformBinary.run(
            ["plan", "--format", "markdown", "."], in: root, environment: ["HALOFORM_CLOCK_OFFSET": "31d"])
        #expect(
            latePlan.stdout.contains(
                "#### Connections (only a person can fix these, in Halo)\n\n- `exact_online.tenant[\"exact-be\"]`: its authorisation token expired 1 day ago"
            ), "\(latePlan.stdout)")
    }

    @Test func aSavedPlanStaysGoodWhenATenantIsConnectedBehindIt() async throws {
        let (root, planFile, saved) = try await HaloformBinary.appliedAcmeWithSavedEdit()
        #expect(
            saved.stdout.contains(
                """
                Then, in Halo (apply cannot do these):
                  exact_online.tenant["exact-nl"]:
                    1. Configuration > Integrations > Exact Online > Exact Online companies > 'exact-nl': select the location and hit 'Connect Now', then log in to Exact Online
                       why: it is not connected, so nothing syncs or imports until it is
                    2. Configuration > Integrations > Exact Online > Exact Online companies > 'exact-nl': on the 'Customers' tab, import the customers and hit 'start' in the preview
                       why: the customer mappings take effect on the next import: "Once the mappings are complete you can import your customers"

                """), "\(saved.stdout)")
        try await HaloEditor.edit(stateOf: root) { try await $0.connect("ExactDetails", "exact-nl") }
        let applied = try await HaloformBinary.run(["apply", planFile], in: root)
        #expect(applied.status == 0, "connecting is not a change the plan made: \(applied)")
        #expect(
            applied.stdout.contains(
                "Apply complete: 1 change made in 1 request.\n\nThen, in Halo (apply cannot do these):\n  exact_online.tenant[\"exact-nl\"]:\n"
            ),
            "a saved plan's apply ends with what is left to do in Halo: \(applied.stdout)")
        let after = try json(try await HaloformBinary.run(["plan", "--format", "json", "."], in: root))
        #expect((after["follow_up"] as? [Any])?.isEmpty == true)
        #expect(
            (after["connections"] as? [[String: Any]])?.map { $0["tenant"] as? String }.contains(
                "exact_online.tenant[\"exact-nl\"]") == false)
    }
}
