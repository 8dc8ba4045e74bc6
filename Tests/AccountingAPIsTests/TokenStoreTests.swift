import AccountingAPIs
import Foundation
import HaloformCore
import ServiceTransport
import Testing

@Suite("Token store")
struct TokenStoreTests {
    private func temporaryStore() -> TokenStore {
        // The lock wait is real time; the holder's yields can take minutes when a sanitizer build runs the whole suite
        // on a busy machine, and only a wait that ends in failure is a finding here.
        TokenStore(
            path: NSTemporaryDirectory() + "haloform-store-\(UUID().uuidString)/nested/tokens.json",
            lockTimeout: .seconds(900))
    }

    @Test("updates are serialised by the lock: two at once never lose a write")
    func lockSerialises() async throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: (store.path as NSString).deletingLastPathComponent) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try await store.update("counter") { (entry) throws(ServiceError) in
                        let count = Int(entry?.refreshToken ?? "0") ?? 0
                        // Let the other tasks run while this one holds the lock.
                        for _ in 0..<20 { await Task.yield() }
                        entry = StoredToken(refreshToken: String(count + 1), updatedAt: Date(timeIntervalSince1970: 0))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.entry(for: "counter")?.refreshToken == "4")
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: (store.path as NSString).deletingLastPathComponent)
        #expect(leftovers.sorted() == ["tokens.json", "tokens.json.lock"])
    }

    @Test("a migration takes an old entry only when `accepting` does: one that records another user stays")
    func migrationAcceptsOnlyTheUser() async throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: (store.path as NSString).deletingLastPathComponent) }
        let old = Date(timeIntervalSince1970: 0)
        try await store.update("app") { (entry) throws(ServiceError) in
            entry = StoredToken(refreshToken: "finance-token", updatedAt: old, user: "finance@acme.example")
        }
        let isDemo = { (entry: StoredToken) in entry.user == nil || entry.user == "demo@acme.example" }
        let taken = try await store.update("app/demo@acme.example", migrating: ["app"], accepting: isDemo) {
            (entry) throws(ServiceError) -> String? in entry?.refreshToken
        }
        #expect(taken == nil)
        #expect(try store.entry(for: "app")?.refreshToken == "finance-token", "another user's login is kept")
        let isFinance = { (entry: StoredToken) in entry.user == "finance@acme.example" }
        let moved = try await store.update("app/finance@acme.example", migrating: ["app"], accepting: isFinance) {
            (entry) throws(ServiceError) -> String? in entry?.refreshToken
        }
        #expect(moved == "finance-token")
        #expect(try store.entry(for: "app") == nil, "a migrated entry leaves its old key")
        #expect(try store.entry(for: "app/finance@acme.example")?.user == "finance@acme.example")
    }

    @Test("the default path: HALOFORM_TOKEN_STORE, then XDG_CONFIG_HOME, then ~/.config")
    func defaultPath() {
        #expect(
            TokenStore.defaultPath(environment: ["HALOFORM_TOKEN_STORE": "/x/t.json", "HOME": "/h"]) == "/x/t.json")
        #expect(
            TokenStore.defaultPath(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == "/c/haloform/tokens.json")
        #expect(TokenStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/haloform/tokens.json")
        // An empty variable counts as unset, as a CI job that declares it without a value expects.
        #expect(
            TokenStore.defaultPath(environment: ["HALOFORM_TOKEN_STORE": "", "HOME": "/h"])
                == "/h/.config/haloform/tokens.json")
    }

    @Test("seeds come from the per-tenant variable first, then the general one")
    func seeds() {
        let context = AccountingContext(
            tokenStore: temporaryStore(),
            environment: [
                "EXACT_REFRESH_TOKEN": "general-token", "EXACT_REFRESH_TOKEN_EXACT_NL": "tenant-token",
                "SAGE_REFRESH_TOKEN": "sage-token",
            ])
        #expect(context.seededRefreshToken(for: .init(.exactOnline, "exact-nl")) == "tenant-token")
        #expect(context.seededRefreshToken(for: .init(.exactOnline, "exact-be")) == "general-token")
        #expect(context.seededRefreshToken(for: .init(.sageBusinessCloud, "sage-uk")) == "sage-token")
        #expect(context.seededRefreshToken(for: .init(.businessCentral, "bc")) == nil)
    }
}
