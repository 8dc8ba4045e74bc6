import Dispatch

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
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            sources.append(source)
        }
    }

    /// The sources stay alive as long as the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}
