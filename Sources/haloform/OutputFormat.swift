import ArgumentParser

/// Output formats for diagnostics.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
