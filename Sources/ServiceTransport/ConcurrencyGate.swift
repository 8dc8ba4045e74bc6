/// A counting semaphore for tasks: at most `width` holders at once; the others wait in order.
public actor ConcurrencyGate {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A gate letting `width` tasks through at once.
    public init(width: Int) {
        available = max(1, width)
    }

    /// Waits for a place.
    public func enter() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Gives a place back, to the longest waiter if there is one.
    public func leave() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` holding a place.
    public nonisolated func run<T>(_ body: () async throws -> T) async rethrows -> T {
        await enter()
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }
}
