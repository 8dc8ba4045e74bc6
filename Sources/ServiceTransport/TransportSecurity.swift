import Foundation

/// The rule every client follows before it connects: `https` for any host, plain `http` only to loopback.
public enum TransportSecurity {
    /// Whether a host name or address is this machine: `localhost`, 127.0.0.0/8 or ::1.
    public static func isLoopback(host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare == "0:0:0:0:0:0:0:1" {
            return true
        }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// Whether a URL points at this machine.
    public static func isLoopback(url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host else { return false }
        return isLoopback(host: host)
    }

    /// Checks a URL before anything is sent to it; throws `insecureURL` or `invalidURL`.
    public static func check(_ url: String, service: String) throws(ServiceError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw ServiceError(.invalidURL, service: service, message: "'\(url)' is not an absolute http(s) URL")
        }
        switch scheme {
        case "https": return
        case "http" where isLoopback(host: host): return
        case "http":
            throw ServiceError(
                .insecureURL, service: service,
                message: "refusing plain http to '\(host)': https is required for every host but loopback")
        default:
            throw ServiceError(.invalidURL, service: service, message: "unsupported URL scheme '\(scheme)'")
        }
    }

    /// The URL without its query and fragment, for messages.
    static func displayForm(of url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.query = nil
        components.fragment = nil
        components.user = nil
        components.password = nil
        return components.string ?? url
    }
}
