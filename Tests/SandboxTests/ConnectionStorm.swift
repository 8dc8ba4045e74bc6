import NIOCore
import NIOPosix
import NIOConcurrencyHelpers

/// Clients that keep opening connections to a port until stopped: a third send a request and hang up at once,
/// a third send a request and stay open, a third stay open without a word. Connections refused (once the
/// server stopped listening) are counted and tried again.
final class ConnectionStorm: Sendable {
    private struct Tally {
        var opened = 0
        var refused = 0
        var kept: [any Channel] = []
        var waiters: [(id: UInt64, count: Int, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextWaiter: UInt64 = 0
    }

    /// What a storm did.
    struct Outcome {
        /// Connections opened.
        let opened: Int
        /// Connection attempts refused.
        let refused: Int
        /// The connections left open by the clients (they never close them themselves).
        let kept: [any Channel]
    }

    private let port: Int
    // Pthread locks: ThreadSanitizer cannot see `Mutex`'s bare futex on Linux.
    private let tally = NIOLockedValueBox(Tally())
    private let openers = NIOLockedValueBox<[Task<Void, Never>]>([])

    /// A request the sandbox answers without a token.
    private static let request = "GET /_sandbox/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    /// Starts `clients` clients opening connections to `port` on loopback.
    init(port: Int, clients: Int) {
        self.port = port
        let tasks = (0..<clients).map { _ in Task { await self.open() } }
        openers.withLockedValue { $0 = tasks }
    }

    /// Waits until the clients opened at least `count` connections in all; false when `bound` passed first (a storm
    /// that stalls fails its test instead of hanging it).
    func waitUntilOpened(_ count: Int, within bound: TimeAmount = .seconds(300)) async -> Bool {
        await withCheckedContinuation { continuation in
            let waiter = tally.withLockedValue { tally -> UInt64? in
                if tally.opened >= count {
                    continuation.resume(returning: true)
                    return nil
                }
                tally.nextWaiter += 1
                tally.waiters.append((tally.nextWaiter, count, continuation))
                return tally.nextWaiter
            }
            guard let waiter else { return }
            MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: bound) {
                let overdue = self.tally.withLockedValue { tally in
                    defer { tally.waiters.removeAll { $0.id == waiter } }
                    return tally.waiters.first { $0.id == waiter }
                }
                overdue?.continuation.resume(returning: false)
            }
        }
    }

    /// Stops the clients and tells what they did.
    func stop() async -> Outcome {
        let tasks = openers.withLockedValue { $0 }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        return tally.withLockedValue { Outcome(opened: $0.opened, refused: $0.refused, kept: $0.kept) }
    }

    private func open() async {
        var index = 0
        while !Task.isCancelled {
            index += 1
            let channel: any Channel
            do {
                channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "127.0.0.1", port: port).get()
            } catch {
                tally.withLockedValue { $0.refused += 1 }
                continue
            }
            // Once nothing listens on the port, thousands of attempts go to it, and Linux may give one that very port
            // as its local port: the socket then connects to itself (TCP simultaneous open), a connection no server
            // holds or closes. It is a refusal, not a connection to the sandbox.
            if let local = channel.localAddress, local == channel.remoteAddress {
                try? await channel.close()
                tally.withLockedValue { $0.refused += 1 }
                continue
            }
            if index % 3 != 2 {
                channel.writeAndFlush(ByteBuffer(string: Self.request), promise: nil)
            }
            if index % 3 == 0 {
                channel.close(promise: nil)
            }
            tally.withLockedValue { tally in
                tally.opened += 1
                if index % 3 != 0 { tally.kept.append(channel) }
                let due = tally.waiters.filter { $0.count <= tally.opened }
                tally.waiters.removeAll { $0.count <= tally.opened }
                for waiter in due { waiter.continuation.resume(returning: true) }
            }
        }
    }
}
