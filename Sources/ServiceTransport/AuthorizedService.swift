import JSONText
import NIOHTTP1

/// An `HTTPService` whose requests carry a bearer token; a 401 renews the token and repeats the request once.
public struct AuthorizedService: Sendable {
    /// The underlying service.
    public let service: HTTPService
    /// Where tokens come from.
    public let tokens: TokenCache
    /// Headers every request carries besides the token (Sage's `X-Business`, for one).
    public var extraHeaders: HTTPHeaders

    /// A service with a token source.
    public init(service: HTTPService, tokens: TokenCache, extraHeaders: HTTPHeaders = [:]) {
        self.service = service
        self.tokens = tokens
        self.extraHeaders = extraHeaders
    }

    /// Sends the request with a token; on 401, once more with a renewed one. Returns the answer, whatever it is.
    public func send(_ request: ServiceRequest) async throws(ServiceError) -> ServiceResponse {
        let token = try await currentToken(replacing: nil)
        let response = try await service.send(authorized(request, token))
        guard response.status == 401 else { return response }
        let renewed = try await currentToken(replacing: token)
        return try await service.send(authorized(request, renewed))
    }

    /// GETs a URL and reads the 2xx answer as JSON.
    public func getJSON(_ url: String) async throws(ServiceError) -> JSONValue {
        try await send(.get(url)).requireSuccess().json()
    }

    private func currentToken(replacing refused: String?) async throws(ServiceError) -> String {
        do {
            return try await tokens.token(replacing: refused)
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(
                .authentication, service: service.configuration.name, message: "could not get a token: \(error)")
        }
    }

    private func authorized(_ request: ServiceRequest, _ token: String) -> ServiceRequest {
        var copy = request
        copy.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)")
        for (name, value) in extraHeaders { copy.headers.replaceOrAdd(name: name, value: value) }
        return copy
    }
}
