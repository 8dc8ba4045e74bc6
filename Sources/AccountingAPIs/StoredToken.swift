import Foundation

/// What the token store keeps for one app login (`AppLogin`): the current refresh token, and the access token issued with it
/// while it is still good (Exact refuses a refresh in the first 570 s, so a quick second run reuses it).
public struct StoredToken: Sendable, Hashable, Codable {
    /// The refresh token to use next; it rotates on every use.
    public var refreshToken: String
    /// The last access token, if any.
    public var accessToken: String?
    /// When `accessToken` expires.
    public var accessTokenExpiresAt: Date?
    /// When `accessToken` was issued.
    public var issuedAt: Date?
    /// When the entry was written.
    public var updatedAt: Date

    /// An entry as given.
    public init(
        refreshToken: String, accessToken: String? = nil, accessTokenExpiresAt: Date? = nil, issuedAt: Date? = nil,
        updatedAt: Date
    ) {
        self.refreshToken = refreshToken
        self.accessToken = accessToken
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.issuedAt = issuedAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case refreshToken = "refresh_token"
        case accessToken = "access_token"
        case accessTokenExpiresAt = "access_token_expires_at"
        case issuedAt = "issued_at"
        case updatedAt = "updated_at"
    }
}
