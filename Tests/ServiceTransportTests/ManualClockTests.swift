import Foundation
import ServiceTransport
import Testing

@Suite("Manual clock")
struct ManualClockTests {
    /// Waits (by yielding, a bounded number of times) until `count` sleepers wait on the clock.
    private func sleepers(_ clock: ManualClock, _ count: Int) async {
        for _ in 0..<100_000 where clock.sleeperCount != count { await Task.yield() }
    }

    @Test("a sleep returns when the clock is moved past its end, not before")
    func sleepWaitsForAdvance() async throws {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_000))
        let sleeper = Task { try await clock.sleep(for: .seconds(10)) }
        await sleepers(clock, 1)
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(9))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(1))
        try await sleeper.value
        #expect(clock.sleeperCount == 0)
        #expect(clock.now == Date(timeIntervalSince1970: 1_010))
    }

    @Test("a cancelled sleep throws at once")
    func cancelledSleep() async {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(for: .seconds(3600)) }
        await sleepers(clock, 1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test("a clock that advances when sleeping moves to each sleep's end and counts the time slept")
    func advancesWhenSleeping() async throws {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 0), advancesWhenSleeping: true)
        try await clock.sleep(for: .seconds(90))
        try await clock.sleep(for: .milliseconds(500))
        #expect(clock.now == Date(timeIntervalSince1970: 90.5))
        #expect(clock.slept == .milliseconds(90_500))
    }
}
