import HaloformCore
import Testing

/// What apply will cost, per system, at the documented rate limits.
@Suite struct PlanCostTests {
    @Test(arguments: [(0, 0), (1, 0), (60, 0), (61, 60), (120, 60), (121, 120), (1000, 960)])
    func oneWindowForEachLimitsWorthBeyondTheFirst(_ sent: Int, _ seconds: Int) {
        let system = PlanCost.System(name: "Exact Online", reads: sent, writes: 0, limit: 60, windowSeconds: 60)
        #expect(system.minimumSeconds == seconds)
    }

    @Test func applySendsTheReadsAgainPlusTheWrites() {
        let cost = PlanCost(systems: [
            PlanCost.System(name: "Halo", reads: 25, writes: 290, limit: 300, windowSeconds: 300),
            PlanCost.System(name: "Exact Online", reads: 14, writes: 0, limit: 60, windowSeconds: 60),
            PlanCost.System(name: "Nowhere", reads: 3, writes: 0, limit: nil, windowSeconds: 0),
        ])
        #expect(cost.systems[0].applyRequests == 315)
        #expect(cost.systems[0].minimumSeconds == 300)
        #expect(cost.planRequests == 42)
        #expect(cost.applyRequests == 332)
        #expect(cost.minimumSeconds == 300)
        #expect(PlanCost.limit(cost.systems[0]) == "300 per 5 min")
        #expect(PlanCost.limit(cost.systems[1]) == "60 per minute")
        #expect(PlanCost.limit(cost.systems[2]) == "no documented limit")
    }

    @Test(arguments: [(0, "0 s"), (59, "59 s"), (60, "1 min"), (61, "2 min"), (3600, "1 h"), (3900, "1 h 5 min")])
    func durationsAsReadersSayThem(_ seconds: Int, _ text: String) {
        #expect(PlanCost.duration(seconds) == text)
    }
}
