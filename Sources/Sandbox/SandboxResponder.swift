import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Hands every HTTP request to the engine and turns its answer into a response, applying latency and dropped
/// connections on the way out.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The engine that answers.
    let engine: SandboxEngine
    /// The fallback origin when a request carries no Host header.
    let origin: String

    /// The largest body accepted (large enough for 100,000-record POSTs).
    static let maximumBodySize = 1 << 30

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: Self.maximumBodySize)
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        let host = (request.head.authority ?? headers["host"]).map { "http://\($0)" } ?? origin
        let sandboxRequest = SandboxRequest(
            method: request.method.rawValue, target: request.head.path ?? "/", headers: headers,
            body: Array(buffer.readableBytesView), origin: host)
        let started = ContinuousClock.now
        let answer = await engine.respond(to: sandboxRequest)
        let bytes = answer.body.encoded
        // The time spent answering, as a real server may report it, so a client's trace can tell serving from the
        // rest; the injected latency below is the network's, not the server's.
        let serving = ContinuousClock.now - started
        if let system = answer.system { engine.meter.record(system, serving: serving, bytes: bytes.count) }
        if answer.delayMilliseconds > 0 {
            try await engine.clock.sleep(for: .milliseconds(answer.delayMilliseconds))
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        fields.append(
            HTTPField(name: .init("Server-Timing")!, value: "app;dur=" + String(format: "%.3f", serving.milliseconds)))
        if answer.dropConnection {
            let half = bytes.count / 2
            let body = ResponseBody(contentLength: bytes.count) { writer in
                try await writer.write(ByteBuffer(bytes: bytes[0..<half]))
                throw ConnectionDropped()
            }
            return Response(status: .init(code: answer.status), headers: fields, body: body)
        }
        return Response(
            status: .init(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Thrown half way through a body to close the connection (the "connection closed mid-answer" fault).
struct ConnectionDropped: Error {}
