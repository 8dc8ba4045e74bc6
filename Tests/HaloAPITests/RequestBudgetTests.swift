import Foundation
import HaloAPI
import HaloformCore
import Sandbox
import ServiceTransport
import Testing

@Suite("Client-side request budget")
struct RequestBudgetTests {
    @Test("the budget spaces requests so the service's own limit is never reached")
    func budgetHoldsBack() async throws {
        // The sandbox refuses the 13th request in 5 minutes; the client allows itself 4 per 400 ms and sends 12.
        try await SandboxFixture.run(haloRateLimit: 12) { fixture in
            var http = fixture.http(attempts: 1)
            http.budget = 4
            http.budgetWindow = .milliseconds(400)
            // The budget's waits move this clock instead of passing.
            let clock = ManualClock(advancesWhenSleeping: true)
            http.clock = clock
            let client = try HaloClient(
                connection: fixture.connection, configuration: HaloClientConfiguration(http: http))
            let start = clock.now
            for _ in 0..<11 { _ = try await client.control() }
            // 12 requests (a token and 11 reads) at 4 per window need two waits, together two windows.
            #expect(clock.now.timeIntervalSince(start) >= 0.799)
            #expect(clock.now.timeIntervalSince(start) < 1.2)
            #expect(client.service.figures.requests == 12)
            #expect(client.service.figures.throttled == 0)
        }
    }
}
