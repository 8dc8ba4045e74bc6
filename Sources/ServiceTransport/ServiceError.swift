/// A failure talking to a remote service, with secrets already scrubbed from every field.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: String, Sendable, Hashable {
        /// The service answered with a status the caller did not expect (after any retries).
        case status
        /// The connection could not be made or broke, and retrying did not help.
        case transport
        /// The connection closed before a non-idempotent request's answer was complete; it may have been applied,
        /// so it was not repeated.
        case connectionLost
        /// An `http://` URL to a host that is not loopback; nothing was sent.
        case insecureURL
        /// A URL that could not be read.
        case invalidURL
        /// An answer that could not be read (not JSON, or not the expected shape).
        case invalidResponse
        /// A login failed: a token endpoint refused the credentials or the refresh token.
        case authentication
        /// Something needed to reach the service is missing (a token, a company, a setting).
        case configuration
        /// A person must log in again (`haloform login …`): there is no refresh token, or the service refuses it.
        case loginRequired
    }

    /// What kind of failure.
    public let kind: Kind
    /// The service, as people call it ("Halo", "Exact Online", …).
    public let service: String
    /// The HTTP status, when the service answered.
    public let status: Int?
    /// The request's method and URL without its query, when there was a request.
    public let request: String?
    /// What went wrong, in a sentence.
    public let message: String
    /// The start of the answer's body, scrubbed, when there was one.
    public let bodyExcerpt: String?
    /// How many times the request was sent.
    public let attempts: Int

    /// Creates an error, scrubbing every text through `redactor`.
    public init(
        _ kind: Kind, service: String, status: Int? = nil, request: String? = nil, message: String,
        body: String? = nil, attempts: Int = 0, redactor: SecretRedactor = .shared
    ) {
        self.kind = kind
        self.service = service
        self.status = status
        self.request = request.map(redactor.scrub)
        self.message = redactor.scrub(message)
        self.bodyExcerpt = body.map { redactor.scrub(Self.excerpt($0)) }
        self.attempts = attempts
    }

    /// The same error about `subject` (`tenant exact-nl`), which starts its message.
    public func about(_ subject: String) -> ServiceError {
        ServiceError(
            kind, service: service, status: status, request: request, message: "\(subject): \(message)",
            body: bodyExcerpt, attempts: attempts)
    }

    /// The longest body excerpt kept.
    static let excerptLength = 500

    private static func excerpt(_ body: String) -> String {
        let flattened = body.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flattened.count > excerptLength else { return flattened }
        return String(flattened.prefix(excerptLength)) + "…"
    }

    public var description: String {
        var text = "\(service): \(message)"
        if let status { text += " (HTTP \(status))" }
        if let request { text += " [\(request)]" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        if let bodyExcerpt, !bodyExcerpt.isEmpty { text += ": \(bodyExcerpt)" }
        return text
    }
}
