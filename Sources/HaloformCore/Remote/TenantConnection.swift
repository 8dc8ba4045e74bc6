import JSONText

/// A tenant's connection to its accounting system as Halo records it on the tenant record (`isauthorized` and
/// `tokenexpiry`; `authorized` and `token_expiry` for Business Central), judged at a given moment.
public struct TenantConnection: Sendable, Hashable, Codable {
    /// Whether the tenant can sync.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Authorised, with a token that lasts beyond the warning window (or whose expiry Halo does not give).
        case connected
        /// Never connected, or disconnected: nothing syncs until a person connects it in Halo.
        case notConnected = "not_connected"
        /// Authorised once, but the token has expired: nothing syncs until a person reconnects it.
        case expired
        /// Authorised, with a token that expires within the warning window.
        case expiring
    }

    /// How far ahead an expiring token is reported.
    public static let warningWindow = TimeSpan.days(7)

    /// Whether the tenant can sync.
    public var status: Status
    /// When the token expires, when Halo says.
    public var tokenExpiry: Timestamp?

    /// The connection a tenant record states at `now`. An absent or false flag is taken as not connected: only a person
    /// connects a tenant in Halo, so a record without the flag has never been.
    public init(authorized: Bool, tokenExpiry: Timestamp?, now: Timestamp) {
        self.tokenExpiry = tokenExpiry
        if !authorized {
            status = .notConnected
        } else if let expiry = tokenExpiry, expiry <= now {
            status = .expired
        } else if let expiry = tokenExpiry, expiry.secondsSince1970 - now.secondsSince1970 < Self.warningWindow.seconds
        {
            status = .expiring
        } else {
            status = .connected
        }
    }

    /// Whether nothing syncs until a person acts in Halo.
    public var blocksSync: Bool { status == .notConnected || status == .expired }

    /// The state in words, for a tenant (`not connected in Halo`, `its token expired 2 days ago (2026-11-29T10:00:00Z)`).
    public func situation(now: Timestamp) -> String {
        let when = tokenExpiry.map { expiry in
            (TimeSpan(seconds: expiry.secondsSince1970 - now.secondsSince1970).words, expiry.iso)
        }
        switch status {
        case .connected: return "connected"
        case .notConnected: return "not connected in Halo: nothing syncs until it is"
        case .expired:
            return "its authorisation token expired \(when.map { "\($0.0) ago (\($0.1))" } ?? "")".trimmingSpaces()
                + ": nothing syncs until it is reconnected"
        case .expiring:
            return "its authorisation token expires in \(when.map { "\($0.0) (\($0.1))" } ?? "")".trimmingSpaces()
        }
    }

    /// What to do in Halo, as the integration's guide says it.
    public func fix(_ integration: Integration, tenant name: String) -> String {
        let page = HaloScreen.tenantPage(integration, tenant: name)
        switch status {
        case .connected: return ""
        case .notConnected: return "\(page): \(HaloScreen.connectAction(integration))"
        case .expired, .expiring:
            let reconnect =
                integration == .exactOnline
                ? "Exact's guide: \"the authorisation token for the integration has expired. This can be resolved by disconnecting and reconnecting to Exact on the Integration details page in Halo\""
                : HaloScreen.connectAction(integration) + " again"
            return "\(page): \(reconnect)"
        }
    }
}
