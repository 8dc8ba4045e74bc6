import Foundation
import HaloformCore
import NIOConcurrencyHelpers
import ServiceTransport

/// One app's login at one service host as one user, which Exact Online and Sage keep one live refresh token for (a
/// second login of the same user ends the first): tenants that share an app and user share its token, and one refresh
/// serves them all. A tenant names its user with `catalog.user`; tenants that name none share the app's one login.
public struct AppLogin: Sendable, Hashable, CustomStringConvertible {
    /// The system.
    public let integration: Integration
    /// The app's client id.
    public let clientID: String
    /// The token endpoint's host, without a port (the in-process sandbox's port changes from run to run).
    public let host: String
    /// The declared user (`catalog.user`), lowercased; nil for the app's one login.
    public let user: String?

    /// The login a flow signs in to.
    public init(_ flow: AuthorizationCodeFlow) {
        integration = flow.integration
        clientID = flow.clientID
        host = URLComponents(string: flow.endpoints.token)?.host ?? flow.endpoints.token
        user = flow.user?.lowercased()
    }

    /// The token store's key: `exact_online/<client id>@<host>`, and `/<user>` after it for a declared user.
    public var storeKey: String { appKey + (user.map { "/\($0)" } ?? "") }

    /// The key version 2 of the store kept the app's one login under.
    var appKey: String { "\(integration.key)/\(clientID)@\(host)" }

    public var description: String {
        "\(integration.displayName) app \(clientID) at \(host)" + (user.map { " as \($0)" } ?? "")
    }

    /// The keys an entry for this login is migrated from: version 1's entries of `tenants` and, for a declared user,
    /// version 2's entry of the app.
    func legacyKeys(_ tenants: [CatalogKey]) -> [String] {
        tenants.map(TokenStore.legacyKey) + (user == nil ? [] : [appKey])
    }

    /// Whether a stored entry may serve this login: it records no user, or the declared one (by name or id).
    func accepts(_ entry: StoredToken) -> Bool {
        guard let user else { return true }
        let names = [entry.user, entry.userID].compactMap { $0?.lowercased() }
        return names.isEmpty || names.contains(user)
    }

    /// The tenants among `requests` that sign in through this login, by name.
    public func tenants(in requests: [CatalogRequest]) -> [CatalogKey] {
        requests.filter { request in
            (try? AuthorizationCodeFlow(request)).map { AppLogin($0) == self } ?? false
        }.map(\.key).sorted { $0.tenant < $1.tenant }
    }

    /// The `haloform login` command that renews this login, for the first of `tenants`.
    static func command(_ integration: Integration, _ tenants: [CatalogKey]) -> String {
        let system = integration == .exactOnline ? "exact-online" : "sage"
        return "haloform login \(system) \(tenants.first?.tenant ?? "TENANT")"
    }
}

/// The logins of one run: for each app, the tenants that use it and the one token cache they share, so tenants
/// fetched at once wait for a single refresh instead of spending the same refresh token twice.
final class AppLogins: Sendable {
    private struct Entry {
        var tenants: Set<CatalogKey> = []
        var tokens: TokenCache?
    }

    // A pthread lock, as everywhere here: ThreadSanitizer cannot see `Mutex`'s bare futex on Linux.
    private let entries = NIOLockedValueBox<[AppLogin: Entry]>([:])

    init() {}

    /// Adds `tenant` to the app's tenants and returns the app's shared cache, made by `make` on first use.
    func join(_ app: AppLogin, tenant: CatalogKey, make: () -> TokenCache) -> TokenCache {
        entries.withLockedValue { entries in
            var entry = entries[app] ?? Entry()
            entry.tenants.insert(tenant)
            let tokens = entry.tokens ?? make()
            entry.tokens = tokens
            entries[app] = entry
            return tokens
        }
    }

    /// The tenants that joined the app, by name.
    func tenants(of app: AppLogin) -> [CatalogKey] {
        entries.withLockedValue { $0[app]?.tenants.sorted { $0.tenant < $1.tenant } ?? [] }
    }
}
