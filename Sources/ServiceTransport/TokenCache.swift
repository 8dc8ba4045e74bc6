import Foundation

/// Keeps one access token, renews it shortly before it expires, and renews it at once when a caller reports that
/// the token it used was refused; concurrent callers share one renewal.
public actor TokenCache {
    /// Obtains a new token; `refused` is the token a service just turned down, if that is why.
    public typealias Fetch = @Sendable (_ refused: String?) async throws -> AccessToken

    private let fetch: Fetch
    private let margin: TimeInterval
    private let clock: any WallClock
    private var current: AccessToken?
    private var renewal: Task<AccessToken, any Error>?

    /// A cache renewing `margin` seconds (of `clock`'s time) before expiry.
    public init(margin: TimeInterval = 60, clock: any WallClock = SystemClock(), fetch: @escaping Fetch) {
        self.margin = margin
        self.clock = clock
        self.fetch = fetch
    }

    /// A valid token; pass the one that was just refused to force a renewal (unless another caller renewed it
    /// already).
    public func token(replacing refused: String? = nil) async throws -> String {
        if let current {
            let fresh = current.expiresAt.timeIntervalSince(clock.now) > margin
            if fresh, current.value != refused { return current.value }
        }
        if let renewal { return try await renewal.value.value }
        let task = Task { try await fetch(refused) }
        renewal = task
        defer { renewal = nil }
        let token = try await task.value
        current = token
        return token.value
    }

    /// Forgets the token, so the next call fetches a new one.
    public func invalidate() {
        current = nil
    }
}
