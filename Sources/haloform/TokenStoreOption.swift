import ArgumentParser

/// `--token-store`, one declaration for every command that uses Exact Online and Sage logins.
struct TokenStoreOption: ParsableArguments {
    @Option(
        name: .customLong("token-store"),
        help: ArgumentHelp(
            "The token store for Exact Online and Sage logins.",
            discussion: "Default: $HALOFORM_TOKEN_STORE, else $XDG_CONFIG_HOME/haloform/tokens.json, else "
                + "~/.config/haloform/tokens.json; with a sandbox, tokens.json beside its state.",
            valueName: "path"))
    var path: String?
}
