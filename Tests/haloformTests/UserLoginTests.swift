import Foundation
import Testing

/// Two Exact tenants on one app that log in as different Exact users (`catalog.user`): two tokens, each login
/// serving its own tenants, both planned with no second login; a login as the wrong account stores nothing; and a
/// store from before users were kept is migrated, not lost.
@Suite(.serialized) struct UserLoginTests {
    let runs = TokenLifetimeTests()
    static let exactKey = "exact_online/6f1d2c3b-8a7e-4f10-9b2c-5e4d3c2b1a00@127.0.0.1"

    /// Declares `catalog.user` on one of the acme example's Exact tenants.
    func declare(_ user: String, tenant: String, in root: URL) throws {
        try root.appendingPathComponent("exact-online/\(tenant).yaml").edit(
            "client_secret: ${env:HALOFORM_EXACT_CLIENT_SECRET}\n",
            "client_secret: ${env:HALOFORM_EXACT_CLIENT_SECRET}\n        user: \(user)\n")
    }

    /// The sandbox's live Exact refresh tokens, as user id → login (grant).
    func exactLogins(_ root: URL) throws -> [String: String] {
        let data = try Data(contentsOf: root.appendingPathComponent(".haloform/sandbox.json"))
        let state = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tokens = try #require(state["tokens"] as? [[String: Any]])
        var logins: [String: String] = [:]
        for token in tokens where token["system"] as? String == "exact-online" && token["kind"] as? String == "refresh"
        {
            logins[token["user"] as? String ?? ""] = token["grant"] as? String
        }
        return logins
    }

    /// The token store's file as JSON.
    func store(_ root: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(".haloform/tokens.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("two Exact users log in for one app, keep two tokens, and plan their tenants with no second login")
    func twoUsersOneApp() async throws {
        let root = try HaloformBinary.copyExample("acme")
        defer { try? FileManager.default.removeItem(at: root) }
        try declare("finance@acme.example", tenant: "exact-nl", in: root)
        try declare("demo@acme.example", tenant: "exact-be", in: root)

        let finance = try await runs.login(["exact-online", "exact-nl"], in: root, offset: "0s")
        #expect(finance.status == 0, "\(finance)")
        #expect(
            finance.stderr.contains("as finance@acme.example; the token now serves tenant 'exact-nl';"), "\(finance)")
        let demo = try await runs.login(["exact-online", "exact-be"], in: root, offset: "0s")
        #expect(demo.status == 0, "\(demo)")
        #expect(demo.stderr.contains("as demo@acme.example; the token now serves tenant 'exact-be';"), "\(demo)")

        // The second user's login did not end the first's: the sandbox keeps one refresh token per app and user.
        let logins = try exactLogins(root)
        #expect(logins.count == 2, "\(logins)")
        #expect(logins["9b7e3c1a-5d2f-4e8b-a6c4-2f1e0d9c8b7a"] != nil, "finance's login")
        let keys = try await runs.storeKeys(root).filter { $0.hasPrefix("exact_online/") }
        #expect(keys == ["\(Self.exactKey)/demo@acme.example", "\(Self.exactKey)/finance@acme.example"])

        let plan = try await runs.haloform(["plan", "--detailed-exitcode", "."], in: root)
        #expect(plan.status == 2, "\(plan)")
        let apply = try await runs.haloform(["apply", "--auto-approve", "."], in: root)
        #expect(apply.status == 0, "\(apply)")
        try await runs.expectNoChanges(root)
        // The same two logins (grants) served every run: none logged in again.
        #expect(try exactLogins(root) == logins)
        let entries = try #require(try store(root)["tokens"] as? [String: [String: Any]])
        #expect(entries["\(Self.exactKey)/finance@acme.example"]?["user"] as? String == "finance@acme.example")
    }

    @Test("a login as another account than the tenant's catalog.user is refused and stores nothing")
    func wrongAccount() async throws {
        let root = try HaloformBinary.copyExample("acme")
        defer { try? FileManager.default.removeItem(at: root) }
        // The sandbox signs in its first user for a hint it does not know, as a browser with another session would.
        try declare("nobody@acme.example", tenant: "exact-nl", in: root)
        let login = try await runs.login(["exact-online", "exact-nl"], in: root, offset: "0s")
        #expect(login.status == 1, "\(login)")
        #expect(
            login.stderr.contains(
                "exact-nl declares catalog.user nobody@acme.example, but the login signed in as demo@acme.example; "
                    + "nothing was stored"), "\(login)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".haloform/tokens.json").path))
    }

    @Test("a catalog.user with a space is an error at its place")
    func userValidated() async throws {
        let root = try HaloformBinary.copyExample("acme")
        defer { try? FileManager.default.removeItem(at: root) }
        try declare("\"finance team\"", tenant: "exact-nl", in: root)
        let validate = try await runs.haloform(["validate", "."], in: root)
        #expect(validate.status == 1, "\(validate)")
        #expect(validate.stderr.contains("exact-nl.yaml:12:15"), "\(validate)")
        #expect(validate.stderr.contains("catalog.user 'finance team' contains a space"), "\(validate)")
    }

    @Test("a store written before users were kept (version 2, one entry per app) is migrated on read, not lost")
    func versionTwoStoreMigrated() async throws {
        let root = try await runs.appliedExample()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try exactLogins(root)
        #expect(before.count == 1, "\(before)")
        // Rewrite the store as version 2 wrote it: no user recorded.
        var old = try store(root)
        var entries = try #require(old["tokens"] as? [String: [String: Any]])
        for key in entries.keys {
            entries[key]?["user"] = nil
            entries[key]?["user_id"] = nil
        }
        old["tokens"] = entries
        old["version"] = 2
        try JSONSerialization.data(withJSONObject: old).write(to: root.appendingPathComponent(".haloform/tokens.json"))
        #expect(entries[Self.exactKey] != nil)

        try declare("demo@acme.example", tenant: "exact-nl", in: root)
        try declare("demo@acme.example", tenant: "exact-be", in: root)
        try await runs.expectNoChanges(root)
        let migrated = try store(root)
        #expect(migrated["version"] as? Int == 3)
        let keys = try await runs.storeKeys(root).filter { $0.hasPrefix("exact_online/") }
        #expect(keys == ["\(Self.exactKey)/demo@acme.example"])
        // The old login's token was carried over: the sandbox saw no new login.
        #expect(try exactLogins(root).values.sorted() == before.values.sorted())
    }
}
