import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel whose connections `SandboxConnections` serves: the accept loop's value is
/// only a receipt, so dropping it unread is harmless.
struct SandboxHTTPChannel: ServerChildChannel {
    /// The receipt for a connection already being served.
    struct Value: ServerChildChannelValue {
        /// The connection's channel.
        let channel: any Channel
    }

    /// Hummingbird's HTTP/1.1 channel, which sets the pipeline up and serves the requests.
    let http: HTTP1Channel
    /// Where each connection is served.
    let connections: SandboxConnections

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http.setup(channel: channel, logger: logger).map { [http, connections] connection in
            connections.serve(connection, with: http, logger: logger)
            return Value(channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {}
}
