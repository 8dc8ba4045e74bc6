import Foundation

/// What the token store keeps for one app login (`AppLogin`): the current refresh token, the access token issued with
/// it while it is still good (Exact refuses a refresh in the first 570 s, so a quick second run reuses it), and the
/// account that logged in.
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
    /// The account that logged in, as the service names it (Exact's `UserName`, Sage's `requested_by_id`); nil when
    /// unknown (a store written before version 3, a seeded token).
    public var user: String?
    /// Exact's `UserID` of that account.
    public var userID: String?

    /// An entry as given.
    public init(
        refreshToken: String, accessToken: String? = nil, accessTokenExpiresAt: Date? = nil, issuedAt: Date? = nil,
        updatedAt: Date, user: String? = nil, userID: String? = nil
    ) {
        self.refreshToken = refreshToken
        self.accessToken = accessToken
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.issuedAt = issuedAt
        self.updatedAt = updatedAt
        self.user = user
        self.userID = userID
    }

    enum CodingKeys: String, CodingKey {
        case refreshToken = "refresh_token"
        case accessToken = "access_token"
        case accessTokenExpiresAt = "access_token_expires_at"
        case issuedAt = "issued_at"
        case updatedAt = "updated_at"
        case user
        case userID = "user_id"
    }
}
