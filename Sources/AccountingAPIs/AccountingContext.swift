import Foundation
import HaloformCore
import ServiceTransport

/// What the catalog clients share across tenants: the token store, the environment (refresh-token seeds) and
/// each system's HTTP discipline.
public struct AccountingContext: Sendable {
    /// Where rotating refresh tokens are kept.
    public var tokenStore: TokenStore
    /// The process environment, read for `EXACT_REFRESH_TOKEN[_<TENANT>]` and `SAGE_REFRESH_TOKEN[_<TENANT>]`.
    public var environment: [String: String]
    /// Whether a tenant pointed at a loopback base URL (the sandbox) with no stored token logs in by itself.
    public var allowsSandboxLogin: Bool
    /// Each system's timeouts, retries, budget and parallelism.
    public var http: [Integration: HTTPServiceConfiguration]
    /// A smaller page than the services' own (Business Central's `odata.maxpagesize`, Sage's `items_per_page`,
    /// at most 200); nil keeps their defaults. Exact's page size (60) is the server's.
    public var pageSize: Int?
    /// The wall clock every service and token of this context goes by.
    public var clock: any WallClock
    /// The apps the tenants log in through, and the token cache each app's tenants share.
    let logins = AppLogins()

    /// A context; by default the store at its default path, the process environment and the real services' budgets.
    public init(
        tokenStore: TokenStore? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        allowsSandboxLogin: Bool = true, http: [Integration: HTTPServiceConfiguration] = AccountingContext.standardHTTP,
        pageSize: Int? = nil, clock: any WallClock = SystemClock()
    ) {
        self.clock = clock
        self.pageSize = pageSize.map { max(1, $0) }
        self.tokenStore = tokenStore ?? TokenStore(path: TokenStore.defaultPath(environment: environment))
        self.environment = environment
        self.allowsSandboxLogin = allowsSandboxLogin
        self.http = http
    }

    /// The real services' documented budgets.
    public static let standardHTTP: [Integration: HTTPServiceConfiguration] = [
        .exactOnline: .exactOnline, .businessCentral: .businessCentral, .sageBusinessCloud: .sage,
    ]

    /// The HTTP configuration for one system, on this context's clock.
    func configuration(for integration: Integration) -> HTTPServiceConfiguration {
        var configuration = http[integration] ?? Self.standardHTTP[integration]!
        configuration.clock = clock
        return configuration
    }

    /// The refresh token a pipeline seeds through the environment for a tenant, if any: the per-tenant variable
    /// (`EXACT_REFRESH_TOKEN_EXACT_NL` for tenant `exact-nl`) first, then the general one.
    public func seededRefreshToken(for key: CatalogKey) -> String? {
        seededRefreshToken(for: [key])
    }

    /// The refresh token seeded for the tenants of one app: the first tenant's own variable that is set, in the
    /// tenants' order, then the general one.
    func seededRefreshToken(for keys: [CatalogKey]) -> String? {
        guard let integration = keys.first?.integration else { return nil }
        let prefix: String
        switch integration {
        case .exactOnline: prefix = "EXACT_REFRESH_TOKEN"
        case .sageBusinessCloud: prefix = "SAGE_REFRESH_TOKEN"
        case .businessCentral: return nil
        }
        let names = keys.map { key in
            "\(prefix)_" + String(key.tenant.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
        for name in names + [prefix] {
            if let value = environment[name], !value.isEmpty {
                SecretRedactor.shared.register(value)
                return value
            }
        }
        return nil
    }
}
