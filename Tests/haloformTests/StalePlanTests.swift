import Foundation
import Testing

/// A saved plan refused because Halo changed says which records changed, how, and which of them the plan touches.
@Suite struct StalePlanTests {
    @Test func refusalListsExactlyTheRecordsThatChanged() async throws {
        let (root, planFile, _) = try await HaloformBinary.appliedAcmeWithSavedEdit()
        let saved = try String(contentsOfFile: planFile, encoding: .utf8)
        #expect(saved.contains("\"prior_state\""))
        #expect(!saved.contains("new_client_secret"), "write-only secrets stay out of the plan file")

        // Two edits behind the plan's back: the tenant the plan changes, and a tax rate it does not.
        var exactID = 0, taxID = 0
        try await HaloEditor.edit(stateOf: root) { halo in
            let nl = try #require(try await halo.get("ExactDetails").first { $0["name"] as? String == "exact-nl" })
            exactID = try #require(nl["id"] as? Int)
            _ = try await halo.post("ExactDetails", [["id": exactID, "showmessage": false]])
            let tax = try #require(try await halo.get("Tax").first { $0["name"] as? String == "BTW laag 9%" })
            taxID = try #require(tax["id"] as? Int)
            _ = try await halo.post("Tax", [["id": taxID, "name": "BTW laag 9% (old)"]])
        }

        let refused = try await HaloformBinary.run(["apply", planFile], in: root)
        #expect(refused.status == 1, "\(refused)")
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "Halo changed since the plan was made: 2 records, 1 touched by the plan.", "\(refused)")
        #expect(
            lines.filter { $0.hasPrefix("  ~ ") || $0.hasPrefix("  + ") || $0.hasPrefix("  - ") } == [
                "  ~ ExactDetails \(exactID) \"exact-nl\" changed: the plan changes exact_online.tenant[\"exact-nl\"], exact_online.tenant[\"exact-nl\"].customer_mapping[\"1004\"]",
                "  ~ Tax \(taxID) \"BTW laag 9% (old)\" changed: not in the plan",
            ])
        #expect(
            lines.filter { $0.hasPrefix("      ") } == [
                "      showmessage: true → false",
                "      name: \"BTW laag 9%\" → \"BTW laag 9% (old)\"",
            ])
        #expect(refused.stderr.contains("nothing was applied; run `haloform plan` again"))
    }
}
