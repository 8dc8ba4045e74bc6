import Logging
import NIOConcurrencyHelpers

/// Keeps log lines in memory (level, message, metadata), so a caller or a test can look at exactly what the clients
/// logged, for one, that no secret is in it.
public final class LogRecorder: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    /// An empty recorder.
    public init() {}

    /// Everything logged so far.
    public var all: [String] { lines.withLockedValue { $0 } }

    /// A logger writing here at trace level.
    public var logger: Logger {
        var logger = Logger(label: "haloform") { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) {
        lines.withLockedValue { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
        }
    }
}
