import Foundation
import Testing

/// The README's main job, then the same plan later, with time moved by `HALOFORM_CLOCK_OFFSET` instead of waited
/// for: no changes while the services would still accept the stored tokens, and a clear "log in again" error
/// naming the tenants and the command where they would not.
@Suite(.serialized) struct TokenLifetimeTests {
    func haloform(_ arguments: [String], in root: URL, offset: String? = nil) async throws -> HaloformBinary.Run {
        var environment = PlanApplyTests.secrets
        if let offset { environment["HALOFORM_CLOCK_OFFSET"] = offset }
        return try await HaloformBinary.run(arguments, in: root, environment: environment)
    }

    /// A copy of examples/acme, planned and applied from no state.
    func appliedExample() async throws -> URL {
        let root = try HaloformBinary.copyExample("acme")
        let first = try await haloform(["plan", "--detailed-exitcode", "."], in: root)
        #expect(first.status == 2, "\(first)")
        let apply = try await haloform(["apply", "--auto-approve", "."], in: root)
        #expect(apply.status == 0, "\(apply)")
        return root
    }

    /// `plan --detailed-exitcode` shows no changes.
    func expectNoChanges(_ root: URL, offset: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let plan = try await haloform(["plan", "--detailed-exitcode", "."], in: root, offset: offset)
        #expect(plan.status == 0, "\(plan)", sourceLocation: sourceLocation)
        #expect(plan.stdout.contains("No changes."), sourceLocation: sourceLocation)
    }

    /// Ends every access token now, in the sandbox's state and in the token store, as ten minutes' wait would, and
    /// lets Exact's refresh tokens be used at once.
    func expireAccessTokens(_ root: URL) async throws {
        let past = Date().timeIntervalSince1970 - 1
        let statePath = root.appendingPathComponent(".haloform/sandbox.json")
        var state = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: statePath)) as? [String: Any])
        var tokens = try #require(state["tokens"] as? [[String: Any]])
        var expired = 0
        for index in tokens.indices {
            switch tokens[index]["kind"] as? String {
            case "access":
                tokens[index]["expires_at"] = past
                expired += 1
            case "refresh": tokens[index]["usable_from"] = past
            default: break
            }
        }
        #expect(expired >= 3, "Halo's, Business Central's and the shared Exact and Sage logins' access tokens")
        state["tokens"] = tokens
        try JSONSerialization.data(withJSONObject: state).write(to: statePath)

        let storePath = root.appendingPathComponent(".haloform/tokens.json")
        var store = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: storePath)) as? [String: Any])
        var entries = try #require(store["tokens"] as? [String: [String: Any]])
        let formatter = ISO8601DateFormatter()
        for key in entries.keys {
            entries[key]?["access_token_expires_at"] = formatter.string(from: Date(timeIntervalSince1970: past))
        }
        store["tokens"] = entries
        try JSONSerialization.data(withJSONObject: store).write(to: storePath)
    }

    /// The token store's keys.
    func storeKeys(_ root: URL) async throws -> [String] {
        let data = try Data(contentsOf: root.appendingPathComponent(".haloform/tokens.json"))
        let store = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return ((store?["tokens"] as? [String: Any]) ?? [:]).keys.sorted()
    }

    @Test("the main job, then its plan with every access token expired, an hour, a day and 31 days later")
    func mainJobLater() async throws {
        let root = try await appliedExample()
        defer { try? FileManager.default.removeItem(at: root) }
        // Two Exact tenants and one Sage tenant: one entry per app, not per tenant.
        #expect(
            try await storeKeys(root) == [
                "exact_online/6f1d2c3b-8a7e-4f10-9b2c-5e4d3c2b1a00@127.0.0.1",
                "sage_business_cloud/sage-demo-client@127.0.0.1",
            ])

        try await expireAccessTokens(root)
        try await expectNoChanges(root)
        try await expectNoChanges(root, offset: "1h")
        try await expectNoChanges(root, offset: "1d")

        // Exact's refresh token, last used a day in, lapses 30 days later; Sage's lasts 31 days.
        let lapsed = try await haloform(["plan", "--detailed-exitcode", "."], in: root, offset: "31d")
        #expect(lapsed.status == 1, "\(lapsed)")
        #expect(lapsed.stderr.contains("exact-be, exact-nl: the service refuses the stored refresh token"), "\(lapsed)")
        #expect(
            lapsed.stderr.contains("run `haloform login exact-online exact-be` (one login serves both)"), "\(lapsed)")
        #expect(!lapsed.stderr.contains("haloform login sage"), "\(lapsed)")
        #expect(!lapsed.stderr.contains("the token endpoint refused the request"), "\(lapsed)")
    }

    @Test("31 days after the main job both logins have lapsed, one error names them both, and logging in mends it")
    func bothLoginsLapse() async throws {
        let root = try await appliedExample()
        defer { try? FileManager.default.removeItem(at: root) }
        let lapsed = try await haloform(["plan", "."], in: root, offset: "31d")
        #expect(lapsed.status == 1, "\(lapsed)")
        #expect(lapsed.stderr.contains("exact-be, exact-nl: the service refuses the stored refresh token"), "\(lapsed)")
        #expect(
            lapsed.stderr.contains("run `haloform login exact-online exact-be` (one login serves both)"), "\(lapsed)")
        #expect(
            lapsed.stderr.contains("sage-uk: the service refuses the stored refresh token: it lapses after 31 days"),
            "\(lapsed)")
        #expect(lapsed.stderr.contains("run `haloform login sage sage-uk`"), "\(lapsed)")
        #expect(!lapsed.stderr.contains("(HTTP 400)"), "\(lapsed)")

        // The commands it names mend it: one Exact login serves both tenants.
        let exact = try await login(["exact-online", "exact-nl"], in: root, offset: "31d")
        #expect(exact.status == 0, "\(exact)")
        #expect(exact.stderr.contains("the token now serves tenants 'exact-be', 'exact-nl'"), "\(exact)")
        let sage = try await login(["sage", "sage-uk"], in: root, offset: "31d")
        #expect(sage.status == 0, "\(sage)")
        #expect(sage.stderr.contains("the token now serves tenant 'sage-uk'"), "\(sage)")
        try await expectNoChanges(root, offset: "31d")
    }

    /// `haloform login` on a free redirect port, so it never waits on another test's login (the sandbox, like
    /// RFC 8252, lets a loopback redirect name any port).
    func login(_ arguments: [String], in root: URL, offset: String) async throws -> HaloformBinary.Run {
        try await haloform(
            ["login", "--redirect-port", String(try HaloformBinary.freePort())] + arguments, in: root, offset: offset)
    }

    @Test("a clock offset is refused without a sandbox, and when it is not a duration")
    func offsetOnlyForTheSandbox() async throws {
        let root = try HaloformBinary.copyExample("acme")
        defer { try? FileManager.default.removeItem(at: root) }
        let bad = try await haloform(["plan", "."], in: root, offset: "tomorrow")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("HALOFORM_CLOCK_OFFSET: 'tomorrow' is not an offset"), "\(bad)")
        try root.appendingPathComponent("halo.yaml").edit(
            "url: sandbox:.haloform/sandbox.json",
            "url: https://acme.halopsa.com\n  client_id: id\n  client_secret: ${env:EXACT_CLIENT_SECRET}")
        let real = try await haloform(["plan", "."], in: root, offset: "1d")
        #expect(real.status == 1)
        #expect(real.stderr.contains("HALOFORM_CLOCK_OFFSET moves the clock only against the sandbox"), "\(real)")
    }
}
