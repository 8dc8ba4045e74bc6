import Foundation
import JSONText

/// An OAuth2 access token and when it stops working; refresh tokens that come with it are kept alongside.
public struct AccessToken: Sendable, Hashable {
    /// The bearer value.
    public var value: String
    /// When it expires.
    public var expiresAt: Date
    /// The refresh token issued with it, if any.
    public var refreshToken: String?

    /// A token as given.
    public init(value: String, expiresAt: Date, refreshToken: String? = nil) {
        self.value = value
        self.expiresAt = expiresAt
        self.refreshToken = refreshToken
    }

    /// Reads a token endpoint's answer (`access_token`, `expires_in` as a number or a string, `refresh_token`),
    /// registering the secrets with the redactor before anything could print them.
    public static func read(
        _ response: ServiceResponse, issuedAt: Date, redactor: SecretRedactor = .shared
    ) throws(ServiceError) -> AccessToken {
        let json = try response.json()
        let object = json.object ?? [:]
        redactor.register(object["access_token"]?.string, object["refresh_token"]?.string, object["id_token"]?.string)
        guard let value = object["access_token"]?.string, !value.isEmpty else {
            throw response.invalid("the token answer has no access_token")
        }
        let lifetime = object["expires_in"]?.int ?? 3600
        return AccessToken(
            value: value, expiresAt: issuedAt.addingTimeInterval(TimeInterval(max(lifetime, 1))),
            refreshToken: object["refresh_token"]?.string)
    }
}
