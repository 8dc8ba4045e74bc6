import HaloformCore

/// Loads YAML texts as one config root and renders its diagnostics as the CLI prints them, without colour.
func render(_ files: [String: String]) -> String {
    let sources = files.map { SourceFile(path: $0.key, text: $0.value) }
    let loaded = ConfigLoader.load(sources)
    let renderer = DiagnosticRenderer(
        sources: Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0.bytes) }), color: false)
    return loaded.diagnostics.map(renderer.render).joined()
}

/// Renders the diagnostics of one file named `c.yaml`.
func render(_ text: String) -> String {
    render(["c.yaml": text])
}

/// Loads one file and returns its config, failing the caller's expectations if it has errors.
func load(_ text: String) -> LoadedConfig {
    ConfigLoader.load([SourceFile(path: "c.yaml", text: text)])
}

/// A valid Exact Online tenant, to which tests add lines.
let exactTenant = """
    halo: { url: "sandbox:.haloform/s.json" }
    exact_online:
      tenants:
        - name: nl
          location: nl
          division: 1
          client_id: abc
          client_secret: ${env:S}

    """
