import YAMLSyntax

/// Checks YAML nodes against `ConfigSchema`, collecting every problem: unknown keys, wrong types, bad enums.
struct ShapeChecker {
    /// What the checker found.
    private(set) var diagnostics: [Diagnostic] = []

    /// Checks `node`, the value of `key`, against `shape`.
    mutating func check(_ node: YAMLNode, _ shape: ValueShape, key: String) {
        switch shape {
        case .string, .code:
            expectScalar(node, "a string", key: key)
        case .stringOrEnv, .secret:
            guard let scalar = expectScalar(node, "a string", key: key) else { return }
            let isSecret = shape == .secret
            switch ConfigString.parse(scalar.value) {
            case nil:
                diagnostics.append(
                    .error(
                        isSecret
                            ? "malformed environment reference in '\(key)'"
                            : "malformed environment reference '\(scalar.value)'",
                        at: node.range,
                        notes: [
                            .init("write the whole value as ${env:NAME}, NAME made of letters, digits and underscores")
                        ],
                        hidesSource: isSecret
                    ))
            case .literal where isSecret:
                diagnostics.append(
                    .error(
                        "'\(key)' is a secret and must come from the environment",
                        at: node.range,
                        notes: [
                            .init(
                                "write ${env:NAME} and set NAME where haloform runs; a secret in a file ends up in git")
                        ],
                        hidesSource: true
                    ))
            default:
                break
            }
        case .integer(let minimum):
            guard let scalar = expectScalar(node, "an integer", key: key) else { return }
            guard scalar.style == .plain, let value = Int(scalar.value) else {
                return mismatch(node, expected: "an integer", key: key, quotedScalarMisleads: true)
            }
            if let minimum, value < minimum {
                diagnostics.append(.error("'\(key)' must be at least \(minimum), found \(value)", at: node.range))
            }
        case .boolean:
            guard let scalar = expectScalar(node, "a boolean", key: key) else { return }
            guard scalar.style == .plain, Bool(scalar.value.lowercased()) != nil else {
                return mismatch(node, expected: "a boolean (true or false)", key: key, quotedScalarMisleads: true)
            }
        case .enumeration(let allowed):
            guard let scalar = expectScalar(node, "one of \(allowed.joined(separator: ", "))", key: key) else { return }
            if !allowed.contains(scalar.value) {
                diagnostics.append(
                    .error(
                        "'\(scalar.value)' is not a valid \(key)\(Suggestion.phrase(for: scalar.value, among: allowed))",
                        at: node.range,
                        notes: [.init("expected one of: \(allowed.joined(separator: ", "))")]
                    ))
            }
        case .reference:
            if node.mapping != nil {
                check(
                    node, .object(ObjectShape([FieldShape("halo_id", .integer(minimum: 1), required: true, "")])),
                    key: key)
            } else {
                expectScalar(node, "a name or { halo_id: N }", key: key)
            }
        case .list(let item):
            if node.scalar?.isNull == true { return }
            guard let items = node.sequence else { return mismatch(node, expected: "a list", key: key) }
            for element in items { check(element, item, key: key) }
        case .object(let object):
            if node.scalar?.isNull == true { return }
            guard let pairs = node.mapping else { return mismatch(node, expected: "a mapping", key: key) }
            check(pairs, object, in: node, key: key)
        }
    }

    /// Checks a mapping's keys and values against an object shape.
    private mutating func check(_ pairs: [YAMLPair], _ object: ObjectShape, in node: YAMLNode, key: String) {
        // Fields by position: a bit per field beats a set of names when 100,000 mappings are checked.
        var present: UInt64 = 0
        var suggested: UInt64 = 0
        for pair in pairs {
            guard let name = pair.key.scalar?.value, pair.key.scalar?.isNull == false else {
                diagnostics.append(
                    .error("a key must be a plain name, found \(pair.key.kindDescription)", at: pair.key.range))
                continue
            }
            if let index = object.fields.firstIndex(where: { $0.key == name }) {
                present |= 1 << index
                check(pair.value, object.fields[index].shape, key: name)
            } else if let reason = object.refused[name] {
                diagnostics.append(.error("'\(name)' is not allowed here: \(reason)", at: pair.key.range))
            } else {
                let keys = object.fields.map(\.key)
                let nearest = Suggestion.nearest(to: name, among: keys)
                if let nearest, let index = keys.firstIndex(of: nearest) { suggested |= 1 << index }
                diagnostics.append(
                    .error(
                        "unknown key '\(name)'\(nearest.map { " (did you mean '\($0)'?)" } ?? "")",
                        at: pair.key.range,
                        notes: [.init("'\(key)' takes: \(keys.joined(separator: ", "))")]
                    ))
            }
        }
        func has(_ key: String) -> Bool {
            object.fields.firstIndex { $0.key == key }.map { present & (1 << $0) != 0 } ?? false
        }
        // A misspelt required key is reported once, as the unknown key that suggests it.
        for (index, field) in object.fields.enumerated()
        where field.required && (present | suggested) & (1 << index) == 0 {
            if object.exactlyOne.contains(where: { $0.contains(field.key) }) { continue }
            diagnostics.append(.error("missing required key '\(field.key)' in '\(key)'", at: node.range))
        }
        for group in object.exactlyOne {
            let given = group.filter(has)
            if given.count != 1 {
                let list = group.map { "'\($0)'" }.joined(separator: " or ")
                diagnostics.append(
                    .error(
                        given.isEmpty ? "'\(key)' needs \(list)" : "'\(key)' takes \(list), not both",
                        at: node.range
                    ))
            }
        }
    }

    /// The node's scalar, or a type error when it is a collection or null.
    @discardableResult
    private mutating func expectScalar(_ node: YAMLNode, _ expected: String, key: String) -> YAMLScalar? {
        guard let scalar = node.scalar, !scalar.isNull else {
            mismatch(node, expected: expected, key: key)
            return nil
        }
        return scalar
    }

    /// Records that `node` is not what `key` takes; `quotedScalarMisleads` when a key takes an unquoted scalar (a number,
    /// a boolean) that quotes turn into a string.
    private mutating func mismatch(_ node: YAMLNode, expected: String, key: String, quotedScalarMisleads: Bool = false)
    {
        var notes: [Diagnostic.Note] = []
        if quotedScalarMisleads, let scalar = node.scalar, scalar.style != .plain {
            notes.append(.init("remove the quotes: a quoted value is always a string"))
        }
        diagnostics.append(
            .error("expected \(expected) for '\(key)', found \(node.kindDescription)", at: node.range, notes: notes))
    }
}
