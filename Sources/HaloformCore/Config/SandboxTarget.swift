/// The built-in sandbox a `halo.url` of `sandbox:…` names: a state file to serve for the run, or one already serving.
public enum SandboxTarget: Sendable, Hashable {
    /// `sandbox:PATH`: the sandbox is started on loopback over this state file for the duration of a command.
    case stateFile(String)
    /// `sandbox:http://127.0.0.1:PORT`: a sandbox already serving (`haloform sandbox serve`) at this base URL.
    case running(String)

    /// The target `url` names, or nil when it is not a `sandbox:` URL.
    public init?(url: String) {
        guard url.hasPrefix("sandbox:") else { return nil }
        let target = String(url.dropFirst("sandbox:".count))
        // Any spelling of the scheme names a running sandbox; whether it is one haloform may reach is a rule's call.
        self = target.lowercased().hasPrefix("http") ? .running(target) : .stateFile(target)
    }
}
