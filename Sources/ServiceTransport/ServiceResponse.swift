import JSONText
import NIOCore
import NIOHTTP1

/// A service's complete answer.
public struct ServiceResponse: Sendable {
    /// The status code.
    public let status: Int
    /// The headers.
    public let headers: HTTPHeaders
    /// The whole body.
    public let body: ByteBuffer
    /// The request it answers, for messages.
    let request: String
    /// The service's name, for messages.
    let service: String
    /// How many times the request was sent.
    let attempts: Int
    /// Where the time spent reading the answer is counted.
    let recorder: FigureRecorder?

    init(
        status: Int, headers: HTTPHeaders, body: ByteBuffer, request: String, service: String, attempts: Int,
        recorder: FigureRecorder? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.request = request
        self.service = service
        self.attempts = attempts
        self.recorder = recorder
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as text.
    public var text: String { String(buffer: body) }

    /// Throws a `status` error, with a body excerpt, unless the answer is 2xx.
    @discardableResult
    public func requireSuccess(redactor: SecretRedactor = .shared) throws(ServiceError) -> ServiceResponse {
        guard isSuccess else {
            throw ServiceError(
                .status, service: service, status: status, request: request,
                message: "unexpected answer", body: text, attempts: attempts, redactor: redactor)
        }
        return self
    }

    /// The body read as JSON.
    public func json() throws(ServiceError) -> JSONValue {
        try decode { (bytes) throws(ServiceError) in
            do throws(JSONReader.Failure) {
                return try JSONReader.read(bytes)
            } catch {
                throw invalid("the answer is not JSON (\(error.message))")
            }
        }
    }

    /// Reads the body in place with `read`, counting the time in the service's decoding figure.
    public func decode<Result>(_ read: (UnsafeRawBufferPointer) throws(ServiceError) -> Result) throws(ServiceError)
        -> Result
    {
        let start = ContinuousClock.now
        defer { recorder?.record { $0.decoding += ContinuousClock.now - start } }
        return try body.withUnsafeReadableBytes { (bytes) throws(ServiceError) -> Result in try read(bytes) }
    }

    /// An `invalidResponse` error about this answer.
    public func invalid(_ message: String) -> ServiceError {
        ServiceError(
            .invalidResponse, service: service, status: status, request: request, message: message,
            body: text, attempts: attempts)
    }
}
