/// Rules for the `halo:` block: where haloform connects and how it logs in.
enum HaloRules {
    /// Checks the block; a config that manages anything (integrations, billing settings) needs one.
    static func check(_ halo: HaloSettings?, managesHalo: Bool) -> [Diagnostic] {
        guard let halo else {
            return managesHalo
                ? [
                    .error(
                        "no file declares 'halo', so haloform does not know which Halo to manage", at: nil,
                        notes: [
                            .init(
                                "add halo: { url: https://acme.halopsa.com, … }, or url: sandbox:.haloform/sandbox.json to try the built-in sandbox"
                            )
                        ])
                ] : []
        }
        var diagnostics: [Diagnostic] = []
        guard let url = halo.url else { return diagnostics }
        switch halo.sandbox {
        case .stateFile(let path)?:
            if path.isEmpty {
                diagnostics.append(
                    .error("'sandbox:' needs a state file path, as in sandbox:.haloform/sandbox.json", at: url.range))
            }
            return diagnostics
        case .running(let base)?:
            if !base.lowercased().hasPrefix("http://") || !isAllowed(base) {
                diagnostics.append(
                    .error(
                        "a running sandbox must serve plain http on this machine, as in sandbox:http://127.0.0.1:8400",
                        at: url.range))
            }
            return diagnostics
        case nil:
            break
        }
        if !isAllowed(url.value) {
            diagnostics.append(
                .error(
                    "'\(url.value)' is not an https URL",
                    at: url.range,
                    notes: [
                        .init(
                            "Halo is reached over https; plain http is allowed only to this machine (127.0.0.1, localhost), and sandbox:PATH runs the built-in emulator"
                        )
                    ]
                ))
        }
        for (key, value) in [("client_id", halo.clientID), ("client_secret", halo.clientSecret)] where value == nil {
            diagnostics.append(
                .error(
                    "missing required key '\(key)' in 'halo'", at: halo.range,
                    notes: [.init("only a sandbox: URL can do without API credentials")]))
        }
        return diagnostics
    }

    /// Whether a Halo URL is https, or http to loopback.
    static func isAllowed(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("https://") { return lowered.count > "https://".count }
        guard lowered.hasPrefix("http://") else { return false }
        let host = lowered.dropFirst("http://".count).prefix { $0 != "/" && $0 != "?" }
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
        return name == "localhost" || name == "[::1]" || name.hasPrefix("127.")
    }
}
