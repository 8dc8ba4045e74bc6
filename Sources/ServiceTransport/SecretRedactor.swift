import NIOConcurrencyHelpers

/// Keeps the secrets a process has seen (client secrets, tokens, codes) and removes them from any text that leaves
/// the library: error messages, body excerpts and log lines.
public final class SecretRedactor: Sendable {
    /// The process-wide redactor every service uses unless told otherwise.
    public static let shared = SecretRedactor()

    /// What replaces a secret.
    public static let mask = "[redacted]"

    private let secrets = NIOLockedValueBox<Set<String>>([])

    /// Creates an empty redactor.
    public init() {}

    /// Registers secret values; empty and very short strings are ignored, since masking them would mangle text.
    public func register(_ values: String?...) {
        register(values.compactMap { $0 })
    }

    /// Registers secret values.
    public func register(_ values: [String]) {
        let kept = values.filter { $0.count >= 6 }
        guard !kept.isEmpty else { return }
        secrets.withLockedValue { $0.formUnion(kept) }
    }

    /// The text with every registered secret and every value of a secret-named field masked.
    public func scrub(_ text: String) -> String {
        var result = text
        // Longest first, so a secret containing another is masked whole.
        let known = secrets.withLockedValue { $0 }.sorted { $0.count > $1.count }
        for secret in known where result.contains(secret) {
            result = result.replacing(secret, with: Self.mask)
        }
        return Self.maskSecretFields(result)
    }

    /// Field names whose values are secrets wherever they appear, in JSON (`"access_token":"…"`) or a form or query
    /// (`refresh_token=…`).
    static let secretFieldNames = [
        "access_token", "refresh_token", "id_token", "client_secret", "password", "new_client_secret",
        "new_access_token", "new_refresh_token", "authorization",
    ]

    /// Field names that are secrets only in a form or query: `code` is the OAuth authorization code in a token
    /// request (`grant_type=authorization_code&code=…`) or a redirect (`?code=…&state=…`), but in a JSON body it is
    /// an error code (Exact's and Business Central's `{"error":{"code":…}}`) or a tax code, which people need to see.
    static let formSecretFieldNames = ["code"]

    private static func maskSecretFields(_ text: String) -> String {
        var result = text
        let lowered = text.lowercased()
        for name in secretFieldNames where lowered.contains(name) {
            if let json = try? Regex("(?i)(\"\(name)\"\\s*:\\s*\")([^\"]*)(\")") {
                result = result.replacing(json) { match in
                    let head = match.output[1].substring ?? ""
                    let tail = match.output[3].substring ?? ""
                    return "\(head)\(mask)\(tail)"
                }
            }
        }
        for name in secretFieldNames + formSecretFieldNames where lowered.contains(name) {
            if let form = try? Regex("(?i)((?:^|[?&\\s])\(name)=)([^&\\s\"]+)") {
                result = result.replacing(form) { match in "\(match.output[1].substring ?? "")\(mask)" }
            }
        }
        if let bearer = try? Regex("(?i)(bearer\\s+)([A-Za-z0-9._~+/=!-]+)") {
            result = result.replacing(bearer) { match in "\(match.output[1].substring ?? "")\(mask)" }
        }
        return result
    }
}
