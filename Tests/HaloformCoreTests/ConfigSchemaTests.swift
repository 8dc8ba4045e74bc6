import Foundation
import HaloformCore
import YAMLSyntax
import Testing

/// The committed JSON Schema, the schema the decoder checks against, and the typed config agree.
@Suite struct ConfigSchemaTests {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func committedSchemaIsTheRenderedOne() throws {
        let committed = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("schemas/haloform.schema.json"), encoding: .utf8)
        #expect(
            committed == JSONSchemaRenderer.render(), "run `swift run haloform schema > schemas/haloform.schema.json`")
    }

    /// Every key the schema lists must reach the decoded config: setting it changes `Config`.
    @Test func everySchemaKeyReachesTheTypedConfig() {
        var unused: [String] = []
        for integration in Integration.allCases {
            let base = minimalTenant(integration)
            let baseline = load(base).config
            for path in leafPaths(ConfigSchema.tenant(integration), prefix: [], base: base) {
                let yaml = setting(path, in: base)
                let loaded = load(yaml)
                let changed = loaded.config != baseline
                if !changed || loaded.diagnostics.hasErrors {
                    unused.append(
                        "\(integration.key).tenants[].\(path.keys.joined(separator: ".")) (errors: \(loaded.diagnostics.map(\.message)))"
                    )
                }
            }
        }
        #expect(unused == [])
    }

    /// Every enum value the schema lists is accepted, and a value outside it is refused.
    @Test func enumsAcceptTheirValuesOnly() {
        for value in ConfigSchema.exactLocations {
            #expect(render(exactTenant.replacingOccurrences(of: "location: nl", with: "location: \(value)")) == "")
        }
        let location = load(exactTenant.replacingOccurrences(of: "location: nl", with: "location: xx")).diagnostics
        #expect(location.map(\.message) == ["'xx' is not a valid location"])
        #expect(location.map { $0.notes.map(\.message) } == [["expected one of: nl, be, de, uk, us, fr, es"]])
        #expect(location.map { "\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0)" } == ["5:17"])
        for value in ConfigSchema.exactInvoiceStatuses {
            #expect(render(exactTenant + "  default_invoice_status: \(value)\n") == "")
        }
        let status = load(exactTenant + "  default_invoice_status: draft\n").diagnostics
        #expect(status.map(\.message) == ["'draft' is not a valid default_invoice_status"])
        #expect(status.map { $0.notes.map(\.message) } == [["expected one of: open, processed"]])
    }

    private func minimalTenant(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: exactTenant
        case .businessCentral: ConfigValidatorTests.bcTenant
        case .sageBusinessCloud: ConfigValidatorTests.sageTenant
        }
    }

    /// A leaf key path below a tenant and a value that differs from the minimal tenant's.
    private struct LeafPath {
        var keys: [String]
        var sample: String
    }

    private func leafPaths(_ shape: ObjectShape, prefix: [String], base: String) -> [LeafPath] {
        shape.fields.flatMap { field -> [LeafPath] in
            let keys = prefix + [field.key]
            if case .object(let inner) = field.shape { return leafPaths(inner, prefix: keys, base: base) }
            guard let sample = sample(field, base: base) else { return [] }
            return [LeafPath(keys: keys, sample: sample)]
        }
    }

    private func sample(_ field: FieldShape, base: String) -> String? {
        if field.key == "name" { return nil }  // identity: replaced, not added
        switch field.shape {
        case .string, .code:
            return field.key == "business" || field.key == "environment" || field.key == "company" ? "Other" : "X9"
        case .stringOrEnv: return "changed"
        case .secret: return "\"${env:CHANGED}\""
        case .integer: return "77"
        case .boolean: return "false"
        case .enumeration(let values): return values.first { !base.contains(": \($0)\n") }
        case .reference: return "Somewhere"
        case .list(let item):
            if case .object(let object) = item {
                // A mapping's code is required; a group_accounts entry needs only one of its settings.
                let code = (object.fields.first { $0.required } ?? object.fields.first { !$0.key.hasPrefix("halo") }!)
                    .key
                return "[ { halo: H, \(code): C } ]"
            }
            if case .enumeration(let values) = item { return "[\(values[0])]" }
            return nil
        case .object: return nil
        }
    }

    /// The base tenant with `path` set to its sample: a key the base already has is replaced, others appended.
    private func setting(_ path: LeafPath, in base: String) -> String {
        let indent = "      "
        var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if path.keys.count == 1, let index = lines.firstIndex(where: { $0.hasPrefix(indent + path.keys[0] + ":") }) {
            lines[index] = indent + path.keys[0] + ": " + path.sample
            return lines.joined(separator: "\n")
        }
        var out = base
        for (depth, key) in path.keys.enumerated() {
            let pad = indent + String(repeating: "  ", count: depth)
            out += depth == path.keys.count - 1 ? "\(pad)\(key): \(path.sample)\n" : "\(pad)\(key):\n"
        }
        return out
    }
}
