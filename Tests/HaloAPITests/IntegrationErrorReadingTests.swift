import Foundation
import HaloAPI
import HaloformCore
import JSONText
import Sandbox
import Testing

/// Reading Halo's error log: newest first, page by page, stopping at the first page that reaches past the window.
@Suite struct IntegrationErrorReadingTests {
    @Test func theLogIsReadOnlyAsFarBackAsTheWindow() async throws {
        try await SandboxFixture.run { fixture in
            let client = try fixture.haloClient(pageSize: 3)
            let now = Timestamp(secondsSince1970: Date().timeIntervalSince1970)
            // 200 more, all a month old: behind the seeded eight, which date back from the sandbox's start.
            let old = (0..<200).map { index -> JSONObject in
                [
                    "module_id": 2, "detail_id": 1, "entity_type": "Invoice", "entity_id": .int(index),
                    "entity_name": .string("OLD-\(index)"),
                    "error": "stale", "date": .string(now.adding(seconds: -30 * 86_400 - Double(index)).iso),
                ]
            }
            try await client.post(.integrationError, old)
            try await fixture.admin("POST", "stats/reset")

            let day = try await client.integrationErrors(since: now.adding(seconds: -86_400))
            #expect(
                try await fixture.requestCount(matching: "GET /api/IntegrationError") == 2,
                "a second page reaches past a day")
            #expect(day.count == 6)
            let log = IntegrationErrorLog(since: now.adding(seconds: -86_400), records: day)
            #expect(
                log.entries.map(\.entityName) == ["INV-0042", "INV-0044", "INV-0043"], "newest first, a day's worth")

            try await fixture.admin("POST", "stats/reset")
            let year = try await client.integrationErrors(since: now.adding(seconds: -365 * 86_400))
            #expect(year.count == 208)
            #expect(
                try await fixture.requestCount(matching: "GET /api/IntegrationError") == 70,
                "every page, 3 records each")
            #expect(year.last?["entity_name"] == "OLD-199", "the oldest last")
        }
    }
}
