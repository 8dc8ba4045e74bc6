import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// The connections the sandbox has accepted, each served by a task of its own from the moment it is set up.
///
/// Hummingbird's accept loop would otherwise own every accepted connection until it reads it from the listening
/// channel's stream; a connection still in that stream (or still being set up) when the server stops is dropped
/// without `executeThenClose`, and swift-nio traps on it ("Deinited NIOAsyncWriter without calling finish()",
/// apple/swift-nio#3481). Here the accept loop only ever sees a connection that is already being served, and
/// stopping waits for every connection to close, so the last state change is written after the last answer.
final class SandboxConnections: Sendable {
    private struct Registry {
        var tasks: [Int: Task<Void, Never>] = [:]
        var nextID = 0
        var closed = false
    }

    // A pthread lock rather than `Mutex`: ThreadSanitizer sees the one, not `Mutex`'s bare futex on Linux.
    private let registry = NIOLockedValueBox(Registry())

    /// How long connections may keep serving once the sandbox stops before their tasks are cancelled.
    static let stopGrace: Duration = .seconds(5)

    /// Hummingbird's HTTP/1.1 server with its connections handed to this registry.
    var httpServer: HTTPServerBuilder {
        HTTPServerBuilder { responder in SandboxHTTPChannel(http: HTTP1Channel(responder: responder), connections: self)
        }
    }

    /// The connections open now.
    var openCount: Int {
        registry.withLockedValue { $0.tasks.count }
    }

    /// Serves a connection in its own task; once the sandbox is closing, the connection is closed unserved.
    func serve(_ connection: HTTP1Channel.Value, with http: HTTP1Channel, logger: Logger) {
        registry.withLockedValue { registry in
            let id = registry.nextID
            registry.nextID += 1
            if registry.closed { connection.channel.close(promise: nil) }
            // The task removes itself under this lock, so it cannot finish before it is registered.
            registry.tasks[id] = Task {
                await http.handle(value: connection, logger: logger)
                self.registry.withLockedValue { _ = $0.tasks.removeValue(forKey: id) }
            }
        }
    }

    /// Takes no more connections and waits until every open one has closed; connections still open after
    /// `stopGrace` have their tasks cancelled, which closes them.
    func close() async {
        let deadline = ContinuousClock.now + Self.stopGrace
        while let open = registry.withLockedValue({ registry -> [Task<Void, Never>]? in
            registry.closed = true
            return registry.tasks.isEmpty ? nil : Array(registry.tasks.values)
        }) {
            await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for task in open { await task.value }
                    return true
                }
                group.addTask {
                    do {
                        try await Task.sleep(until: deadline)
                        return false
                    } catch {
                        return true
                    }
                }
                // The group ends only when the waiting child does, so overdue connections are cancelled here.
                if await group.next() == false {
                    for task in open { task.cancel() }
                }
                group.cancelAll()
            }
        }
    }
}
