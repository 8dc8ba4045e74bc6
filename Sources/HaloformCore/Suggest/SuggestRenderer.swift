import JSONText

/// Renders what `suggest` found: YAML to paste into a config root, or a versioned JSON document.
public struct SuggestRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The mapping line for a proposal, as the list writes it: `{ halo: …, exact: "…" }` for customers, the code
    /// first for item groups.
    public static func line(_ proposal: MappingProposal, list: SuggestedList, integration: Integration) -> String {
        let halo = "halo: " + YAMLScalarText.string(proposal.halo, inFlow: true)
        let code = "\(integration.mappingKey): " + YAMLScalarText.quoted(proposal.code)
        return list == .customers ? "{ \(halo), \(code) }" : "{ \(code), \(halo) }"
    }

    /// The comment beside a proposed line: `suggest: <evidence>; confidence 0.85; <accounting name>`.
    public static func comment(_ proposal: MappingProposal) -> String {
        "suggest: " + proposal.evidence.map(\.description).joined(separator: ", ")
            + "; confidence \(confidence(proposal.confidence)); \(proposal.codeName)".replacingNewlines()
    }

    /// A confidence in hundredths as `0.85`.
    static func confidence(_ hundredths: Int) -> String {
        "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }

    /// What a conflict means, in one line.
    public static func message(_ conflict: MatchConflict, list: SuggestedList, integration: Integration) -> String {
        func side(_ record: MatchRecord) -> String {
            list == .customers ? "\(integration.mappingKey) \"\(record.key)\" (\(record.name))" : "'\(record.key)'"
        }
        func own(_ record: MatchRecord) -> String {
            list == .customers ? "'\(record.key)'" : "\(integration.mappingKey) \"\(record.key)\" (\(record.name))"
        }
        let why = conflict.evidence.map(\.description).joined(separator: ", ")
        switch conflict.kind {
        case .sharedCandidate:
            return conflict.records.map(own).joined(separator: " and ") + " would all map to "
                + side(conflict.candidates[0]) + ": " + why + "; map one by hand"
        case .alreadyMapped:
            return own(conflict.records[0]) + " would map to " + side(conflict.candidates[0]) + ", already mapped to '"
                + (conflict.mappedTo ?? "") + "': " + why
        case .ambiguous:
            return own(conflict.records[0]) + " fits " + conflict.candidates.map(side).joined(separator: " and ")
                + " equally: " + why + "; map it by hand"
        }
    }

    /// YAML for every list, grouped by integration and tenant, each proposal with its comment and each conflict as
    /// a comment; ends in a newline.
    public func yaml(_ report: SuggestReport) -> String {
        var out =
            "# haloform suggest: \(report.proposalCount) mapping\(report.proposalCount == 1 ? "" : "s") proposed, "
            + "\(report.conflictCount) conflict\(report.conflictCount == 1 ? "" : "s")\n"
        var integration: Integration?
        var tenant: String?
        for list in report.lists {
            if list.tenant.integration != integration {
                integration = list.tenant.integration
                tenant = nil
                out += "\(list.tenant.integration.key):\n  tenants:\n"
            }
            if list.tenant.tenant != tenant {
                tenant = list.tenant.tenant
                out += "    - name: \(YAMLScalarText.string(list.tenant.tenant))\n"
            }
            out +=
                list.list == .customers
                ? "      customers:\n        mappings:\n" : "      products:\n        group_mappings:\n"
            for proposal in list.proposals {
                out +=
                    "          - " + Self.line(proposal, list: list.list, integration: list.tenant.integration)
                    + "  # " + Self.comment(proposal) + "\n"
            }
            for conflict in list.conflicts {
                out +=
                    "          # conflict: "
                    + Self.message(conflict, list: list.list, integration: list.tenant.integration).replacingNewlines()
                    + "\n"
            }
        }
        return out
    }

    /// The JSON document (version 1): `proposals` and `conflicts`, each naming its integration, tenant and list.
    public func json(_ report: SuggestReport) -> String {
        func evidence(_ items: [Evidence]) -> JSONValue {
            .array(items.map { .object(["kind": .string($0.kind.rawValue), "detail": .string($0.detail)]) })
        }
        var proposals: [JSONValue] = []
        var conflicts: [JSONValue] = []
        for list in report.lists {
            let place: JSONObject = [
                "integration": .string(list.tenant.integration.key), "tenant": .string(list.tenant.tenant),
                "list": .string(list.list.rawValue),
            ]
            for proposal in list.proposals {
                var object = place
                object["halo"] = .string(proposal.halo)
                object["code"] = .string(proposal.code)
                object["code_name"] = .string(proposal.codeName)
                object["confidence"] = .double(Double(proposal.confidence) / 100)
                object["evidence"] = evidence(proposal.evidence)
                proposals.append(.object(object))
            }
            for conflict in list.conflicts {
                var object = place
                object["kind"] = .string(conflict.kind.rawValue)
                object["records"] = .array(conflict.records.map { .string($0.key) })
                object["candidates"] = .array(
                    conflict.candidates.map { .object(["key": .string($0.key), "name": .string($0.name)]) })
                object["mapped_to"] = conflict.mappedTo.map(JSONValue.string) ?? .null
                object["evidence"] = evidence(conflict.evidence)
                object["message"] = .string(
                    Self.message(conflict, list: list.list, integration: list.tenant.integration))
                conflicts.append(.object(object))
            }
        }
        return JSONWriter.pretty(
            .object([
                "version": 1, "proposals": .array(proposals), "conflicts": .array(conflicts),
            ])) + "\n"
    }
}
