import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops a serving task on SIGINT or SIGTERM, for `haloform sandbox serve`.
enum SignalStopper {
    /// Ignores the default handling of SIGINT and SIGTERM and cancels the task when one arrives.
    static func install(stopping task: Task<Void, any Error>) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            sources.withLock { sources in
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { task.cancel() }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// The sources stay alive as long as the process.
    private static let sources = Mutex<[any DispatchSourceSignal]>([])
}
