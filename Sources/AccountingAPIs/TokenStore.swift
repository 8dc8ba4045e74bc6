import Foundation
import HaloformCore
import ServiceTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file that keeps refresh tokens between runs: JSON, mode 0600, replaced atomically (temp file + rename) and
/// locked (`flock` on a side file) for the whole read-refresh-write, so two runs never spend the same token.
///
/// Version 3 keeps one entry per app and user (`AppLogin.storeKey`: `exact_online/<client id>@<host>` for the app's
/// one login, `exact_online/<client id>@<host>/<user>` for a tenant's declared `catalog.user`) and records the account
/// that logged in. Older entries are migrated when their login is first used, not lost: version 1 kept one per
/// tenant (`exact_online/<tenant>`), version 2 one per app (the key without a user). Of the old entries of the
/// tenants that share the login (and, for a declared user, the app's entry unless it records another account), the
/// one written last (`updated_at`) wins, since a newer login or refresh ends the older ones, and all of them are
/// dropped once the login's entry is written.
public struct TokenStore: Sendable {
    /// The store's path.
    public let path: String
    /// How long to wait for another run's lock.
    public var lockTimeout: Duration

    /// A store at `path`.
    public init(path: String, lockTimeout: Duration = .seconds(120)) {
        self.path = path
        self.lockTimeout = lockTimeout
    }

    /// The default path: `$HALOFORM_TOKEN_STORE`, else `$XDG_CONFIG_HOME/haloform/tokens.json`, else
    /// `~/.config/haloform/tokens.json`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["HALOFORM_TOKEN_STORE"], !path.isEmpty { return path }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/haloform/tokens.json" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/haloform/tokens.json"
    }

    /// A tenant's key in version 1 of the store, read only to migrate it.
    public static func legacyKey(_ catalog: CatalogKey) -> String {
        "\(catalog.integration.key)/\(catalog.tenant)"
    }

    /// The entry for a key, read without the lock.
    public func entry(for key: String) throws(ServiceError) -> StoredToken? {
        try load().tokens[key]
    }

    /// Reads the entry for `key` (or, when it has none, the newest of the `legacy` entries that `accepts` takes),
    /// lets `body` change it (and talk to a token endpoint meanwhile), and writes it back, dropping the legacy
    /// entries it took from, all under the lock.
    public func update<Result: Sendable>(
        _ key: String, migrating legacy: [String] = [], accepting accepts: (StoredToken) -> Bool = { _ in true },
        _ body: (inout StoredToken?) async throws(ServiceError) -> Result
    ) async throws(ServiceError) -> Result {
        let lock = try await acquireLock()
        defer { releaseLock(lock) }
        var file = try load()
        let legacy = legacy.filter { $0 != key && file.tokens[$0].map(accepts) == true }
        var entry = file.tokens[key] ?? legacy.compactMap { file.tokens[$0] }.max { $0.updatedAt < $1.updatedAt }
        let result = try await body(&entry)
        let leftovers = entry == nil ? [] : legacy.filter { file.tokens[$0] != nil }
        if entry != file.tokens[key] || !leftovers.isEmpty {
            file.tokens[key] = entry
            for old in leftovers { file.tokens[old] = nil }
            file.version = Contents.currentVersion
            try save(file)
        }
        return result
    }

    // MARK: - File

    /// The file's JSON form.
    struct Contents: Codable {
        /// The version this code writes: 3, entries per app and user.
        static let currentVersion = 3
        var version = Contents.currentVersion
        var tokens: [String: StoredToken] = [:]
    }

    private func failure(_ message: String) -> ServiceError {
        ServiceError(.configuration, service: "token store", message: "\(message) (\(path))")
    }

    private func coders() -> (JSONEncoder, JSONDecoder) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (encoder, decoder)
    }

    func load() throws(ServiceError) -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents() }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if data.isEmpty { return Contents() }
            return try coders().1.decode(Contents.self, from: data)
        } catch {
            throw failure("the token store cannot be read")
        }
    }

    private func save(_ contents: Contents) throws(ServiceError) {
        let data: Data
        do {
            data = try coders().0.encode(contents)
        } catch {
            throw failure("the token store cannot be encoded")
        }
        try makeDirectory()
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw failure("the token store cannot be written") }
        var written = 0
        let ok = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let count = write(fd, bytes.baseAddress! + written, bytes.count - written)
                if count <= 0 { return false }
                written += count
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("the token store cannot be written")
        }
    }

    private func makeDirectory() throws(ServiceError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw failure("the token store's folder cannot be created")
        }
    }

    // MARK: - Lock

    private func acquireLock() async throws(ServiceError) -> Int32 {
        try makeDirectory()
        let fd = open(path + ".lock", O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else { throw failure("the token store's lock file cannot be opened") }
        let deadline = ContinuousClock.now + lockTimeout
        // Polling keeps the wait off the blocking path, so one process may hold several stores' tasks. The wait is
        // for another process, so it goes by real time, not by the injected clock.
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard ContinuousClock.now < deadline else {
                close(fd)
                throw failure("another haloform run holds the token store")
            }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return fd
    }

    private func releaseLock(_ fd: Int32) {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
