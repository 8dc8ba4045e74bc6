import Dispatch
import YAMLSyntax

/// The outcome of loading a config root: the merged config and every problem found.
public struct LoadedConfig: Sendable {
    /// The merged configuration (partial when there are errors).
    public var config: Config
    /// Syntax, shape and validation problems, in reading order.
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int

    /// Whether the config may be used: no errors.
    public var isValid: Bool { !diagnostics.hasErrors }
}

/// Loads a config root: reads each file, checks it against the schema, decodes, merges and validates.
public enum ConfigLoader {
    /// Loads `files` (one config root, in any order) into one validated config.
    public static func load(_ files: [SourceFile]) -> LoadedConfig {
        var diagnostics: [Diagnostic] = []
        var merger = ConfigMerger()
        for file in read(files.sorted(by: { $0.path < $1.path })) {
            diagnostics += file.diagnostics
            if let config = file.config { merger.merge(config) }
        }
        diagnostics += merger.diagnostics
        diagnostics += ConfigValidator(config: merger.config).validate()
        return LoadedConfig(config: merger.config, diagnostics: diagnostics.sortedByLocation(), fileCount: files.count)
    }

    /// One file read, checked against the schema and decoded on its own.
    private struct FileResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var config: Config?
    }

    /// Reads, checks and decodes every file, on as many cores as there are (files do not depend on each other),
    /// and returns the results in the files' order.
    private static func read(_ files: [SourceFile]) -> [FileResult] {
        var results = [FileResult](repeating: FileResult(), count: files.count)
        results.withUnsafeMutableBufferPointer { results in
            let slots = UncheckedSlots(results)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots.base[index] = read(files[index])
            }
        }
        return results
    }

    /// Distinct workers write distinct slots of one buffer, each once, before `concurrentPerform` returns.
    private struct UncheckedSlots: @unchecked Sendable {
        let base: UnsafeMutableBufferPointer<FileResult>
        init(_ base: UnsafeMutableBufferPointer<FileResult>) { self.base = base }
    }

    private static func read(_ file: SourceFile) -> FileResult {
        let root: YAMLNode?
        do {
            root = try YAMLReader.read(file.bytes, file: file.path)
        } catch {
            return FileResult(diagnostics: [Diagnostic(error)])
        }
        guard let root else { return FileResult() }
        guard root.mapping != nil else {
            return FileResult(diagnostics: [
                .error(
                    "a configuration file holds a mapping of 'halo' and the integrations, found \(root.kindDescription)",
                    at: root.range
                )
            ])
        }
        var checker = ShapeChecker()
        checker.check(root, .object(ConfigSchema.root), key: "the file")
        return FileResult(diagnostics: checker.diagnostics, config: ConfigDecoder().decode(root))
    }
}

/// Merges the configs of several files: tenants add up, every other setting is set in one place only.
struct ConfigMerger {
    /// The config so far.
    private(set) var config = Config()
    /// Settings given twice.
    private(set) var diagnostics: [Diagnostic] = []

    /// Adds one file's config.
    mutating func merge(_ next: Config) {
        if let halo = next.halo {
            if let first = config.halo {
                diagnostics.append(twice("'halo'", at: halo.range, first: first.range))
            } else {
                config.halo = halo
            }
        }
        if let billing = next.billing {
            if var current = config.billing {
                merge(
                    &current.autoGenerateCustomerAccountsID, billing.autoGenerateCustomerAccountsID,
                    "'auto_generate_accounts_id.customers' of billing")
                merge(
                    &current.autoGenerateProductAccountsID, billing.autoGenerateProductAccountsID,
                    "'auto_generate_accounts_id.products' of billing")
                config.billing = current
            } else {
                config.billing = billing
            }
        }
        for (integration, incoming) in next.integrations {
            guard var current = config.integrations[integration] else {
                config.integrations[integration] = incoming
                continue
            }
            let key = integration.key
            merge(&current.enabled, incoming.enabled, "'enabled' of \(key)")
            merge(&current.defaultTenant, incoming.defaultTenant, "'default_tenant' of \(key)")
            merge(&current.defaultInvoiceStatus, incoming.defaultInvoiceStatus, "'default_invoice_status' of \(key)")
            merge(&current.legacyIntegration, incoming.legacyIntegration, "'legacy_integration' of \(key)")
            current.tenants += incoming.tenants
            config.integrations[integration] = current
        }
    }

    private mutating func merge<Value>(_ current: inout Located<Value>?, _ incoming: Located<Value>?, _ what: String) {
        guard let incoming else { return }
        if let first = current {
            diagnostics.append(twice(what, at: incoming.range, first: first.range))
        } else {
            current = incoming
        }
    }

    private func twice(_ what: String, at range: SourceRange, first: SourceRange) -> Diagnostic {
        .error(
            "\(what) is set in two places; set it in one file only", at: range,
            notes: [.init("first set here", at: first)])
    }
}
