import Foundation
import Sandbox
import Testing

/// Halo's log of failed syncs in the sandbox: seeded relative to its clock, paged, ordered and filtered.
@Suite struct IntegrationErrorTests {
    @Test func theSeededLogIsDatedBackFromTheSandboxClockAndPaged() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        let time = MovableTime(start: start)
        try await withSandbox(SandboxOptions(clock: time.clock)) { client in
            let token = try await client.haloToken()
            let first = try await client.get(
                "/api/IntegrationError?pageinate=true&page_size=3&page_no=1&order=date&orderdesc=true", token: token)
            #expect(first.status == 200)
            #expect(first.object["record_count"] as? Int == 8)
            let page = try #require(first.object["errors"] as? [[String: Any]])
            #expect(
                page.map { $0["date"] as? String } == [
                    "2027-01-15T07:00:00.000Z", "2027-01-15T06:00:00.000Z", "2027-01-15T03:00:00.000Z",
                ])
            #expect(page.map { $0["entity_name"] as? String } == ["INV-0042", "INV-0044", "INV-0043"])
            #expect(page.first?["module_id"] as? Int == 2 && page.first?["detail_id"] as? Int == 1)

            let last = try await client.get(
                "/api/IntegrationError?pageinate=true&page_size=3&page_no=3&order=date&orderdesc=true", token: token)
            let tail = try #require(last.object["errors"] as? [[String: Any]])
            #expect(
                tail.map { $0["entity_name"] as? String } == ["Stark Ltd", "INV-0007"], "the oldest last, ten days back"
            )
            #expect(tail.last?["date"] as? String == "2027-01-05T08:00:00.000Z")

            let sage = try await client.get("/api/IntegrationError?module_id=4&detail_id=1", token: token)
            #expect((sage.object["errors"] as? [[String: Any]])?.map { $0["entity_name"] as? String } == ["Stark Ltd"])
        }
    }
}
