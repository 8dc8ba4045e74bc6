/// The environment `${env:NAME}` references resolve against, given by the caller (the core reads no process state).
public struct ConfigEnvironment: Sendable {
    /// The variables, by name.
    public var variables: [String: String]
    /// Whether the config runs against the built-in sandbox, where an unset variable resolves to a stand-in value.
    public var isSandbox: Bool

    /// Creates an environment.
    public init(variables: [String: String], isSandbox: Bool) {
        self.variables = variables
        self.isSandbox = isSandbox
    }

    /// The value of a config string, or a located error naming the unset variable.
    public func resolve(_ value: Located<ConfigString>, key: String) -> Result<String, Diagnostic> {
        switch value.value {
        case .literal(let text):
            return .success(text)
        case .environment(let name):
            if let text = self.value(of: name) { return .success(text) }
            return .failure(
                .error(
                    "environment variable '\(name)' for '\(key)' is not set",
                    at: value.range,
                    notes: [.init("export \(name)=… before running haloform, or set it in the pipeline's secrets")]
                ))
        }
    }

    /// A variable's value; in the sandbox an unset one has a stand-in.
    public func value(of name: String) -> String? {
        if let text = variables[name], !text.isEmpty { return text }
        return isSandbox ? Self.sandboxStandIn(name) : nil
    }

    /// The value the sandbox uses for an unset variable: obviously not a real credential.
    public static func sandboxStandIn(_ name: String) -> String {
        "sandbox-\(name.lowercased())"
    }
}
