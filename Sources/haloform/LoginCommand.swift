import AccountingAPIs
import ArgumentParser
import HaloformCore
import ServiceTransport

/// `haloform login exact-online|sage TENANT`: the one-time browser login Exact Online and Sage require, keeping the
/// rotating refresh token in the token store for `plan` and `apply`.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to Exact Online or Sage once, so plan and apply can read the tenant's catalog.",
        discussion: """
            Prints a URL to open in a browser, waits for the service to redirect to \
            http://localhost:PORT/<system>/callback (the app registration must list it), and stores the refresh \
            token. Exact and Sage keep one live refresh token per app and user, so the token is kept per app and \
            user: one login serves every tenant of the config that uses the same app (client id) at the same \
            service host and declares the same catalog.user (or none). A tenant that declares catalog.user is \
            refused a login as another account. Prints the account and the tenants the token now serves. Against the sandbox it completes without a browser. In a pipeline, seed the store instead with \
            EXACT_REFRESH_TOKEN[_<TENANT>] or SAGE_REFRESH_TOKEN[_<TENANT>].
            """
    )

    /// The systems that need a person's login.
    enum System: String, ExpressibleByArgument, CaseIterable {
        case exactOnline = "exact-online"
        case sage

        var integration: Integration {
            switch self {
            case .exactOnline: .exactOnline
            case .sage: .sageBusinessCloud
            }
        }
    }

    @Argument(help: "The system: exact-online or sage.")
    var system: System

    @Argument(help: "The tenant's name in the config.")
    var tenant: String

    @Option(help: "The config root.")
    var root: String = "."

    @OptionGroup var tokenStore: TokenStoreOption

    @Option(help: "The loopback port the service redirects to.")
    var redirectPort: Int = 8400

    @Option(help: "Seconds to wait for the browser's redirect.")
    var timeout: Int = 300

    func run() async throws {
        let workspace = try Workspace.load(root)
        let integration = system.integration
        try await workspace.connect(tokenStore: tokenStore.path) { connection in
            let key = CatalogKey(integration, tenant)
            guard let request = connection.request.catalogs.first(where: { $0.key == key }) else {
                Terminal.error("error: the config declares no \(integration.key) tenant '\(tenant)'\n")
                throw ExitCode.failure
            }
            let context = connection.fetcher.accounting
            let served: [CatalogKey]
            let stored: StoredToken
            do {
                let login = try InteractiveLogin(
                    request, context: context,
                    redirectURI: AuthorizationCodeFlow.defaultRedirectURI(for: integration, port: redirectPort))
                served = login.app.tenants(in: connection.request.catalogs)
                stored = try await login.run(timeout: .seconds(timeout), serving: served) { url in
                    Terminal.error(
                        "Open this URL in a browser and approve haloform:\n\n  \(url)\n\n"
                            + "Waiting for the redirect to \(login.flow.redirectURI) …\n")
                }
            } catch let error as ServiceError {
                Terminal.error("error: \(error)\n")
                throw ExitCode.failure
            }
            let names = served.map { "'\($0.tenant)'" }.joined(separator: ", ")
            let account = stored.user.map { " as \($0)" } ?? ""
            Terminal.error(
                "Logged in to \(integration.displayName)\(account); the token now serves "
                    + "\(served.count == 1 ? "tenant" : "tenants") \(names); it is kept in "
                    + "\(context.tokenStore.path).\n")
        }
    }
}
