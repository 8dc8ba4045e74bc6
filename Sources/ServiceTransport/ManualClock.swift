import Foundation
import NIOConcurrencyHelpers

/// A wall clock that moves only when told: `advance(by:)` moves it and wakes every sleeper whose time has come. With
/// `advancesWhenSleeping`, a sleep moves the clock to its own end at once, so a test measures waits without waiting.
public final class ManualClock: WallClock {
    private struct Sleeper {
        let id: UInt64
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
        var slept: Duration = .zero
    }

    private let state: NIOLockedValueBox<State>
    /// Whether a sleep moves the clock itself instead of waiting for `advance(by:)`.
    public let advancesWhenSleeping: Bool

    /// A clock standing at `start`.
    public init(start: Date = Date(), advancesWhenSleeping: Bool = false) {
        state = NIOLockedValueBox(State(now: start))
        self.advancesWhenSleeping = advancesWhenSleeping
    }

    public var now: Date { state.withLockedValue { $0.now } }

    /// The total time all sleeps asked for.
    public var slept: Duration { state.withLockedValue { $0.slept } }

    /// How many sleepers are waiting.
    public var sleeperCount: Int { state.withLockedValue { $0.sleepers.count } }

    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let waiting: (id: UInt64, deadline: Date)? = state.withLockedValue { state in
            state.slept += max(duration, .zero)
            let deadline = state.now.addingTimeInterval(duration.inSeconds)
            if advancesWhenSleeping || deadline <= state.now {
                state.now = max(state.now, deadline)
                return nil
            }
            state.nextID += 1
            return (state.nextID, deadline)
        }
        guard let (id, deadline) = waiting else {
            await Task.yield()
            return
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumed: Result<Void, any Error>? = state.withLockedValue { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let resumed { continuation.resume(with: resumed) }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLockedValue { state in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward and wakes the sleepers whose time has come.
    public func advance(by duration: Duration) {
        let due: [Sleeper] = state.withLockedValue { state in
            state.now = state.now.addingTimeInterval(duration.inSeconds)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}
