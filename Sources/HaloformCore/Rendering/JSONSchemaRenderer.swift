import JSONText

/// Renders `ConfigSchema` as a JSON Schema (draft 2020-12) for editors and CI.
public enum JSONSchemaRenderer {
    /// The schema document, pretty-printed with sorted keys, ending in a newline.
    public static func render() -> String {
        var document: JSONObject = object(ConfigSchema.root)
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = "https://haloform.dev/schemas/haloform.schema.json"
        document["title"] = "haloform configuration"
        document["description"] =
            "One file of a haloform config root: the Halo instance and its accounting integrations."
        return JSONWriter.pretty(.object(document)) + "\n"
    }

    /// The schema of a value shape.
    static func schema(_ shape: ValueShape) -> JSONObject {
        switch shape {
        case .string:
            return ["type": "string"]
        case .code:
            return ["type": ["string", "integer"]]
        case .stringOrEnv:
            return ["type": "string"]
        case .secret:
            return ["type": "string", "pattern": "^\\$\\{env:[A-Za-z_][A-Za-z0-9_]*\\}$"]
        case .integer(let minimum):
            var result: JSONObject = ["type": "integer"]
            if let minimum { result["minimum"] = .int(minimum) }
            return result
        case .boolean:
            return ["type": "boolean"]
        case .enumeration(let values):
            return ["enum": .array(values.map { .string($0) })]
        case .reference:
            return [
                "oneOf": [
                    ["type": "string"],
                    .object(
                        object(
                            ObjectShape([
                                FieldShape("halo_id", .integer(minimum: 1), required: true, "The Halo record's id.")
                            ]))),
                ]
            ]
        case .list(let item):
            return ["type": ["array", "null"], "items": .object(schema(item))]
        case .object(let shape):
            return object(shape)
        }
    }

    /// The schema of an object shape: its properties, required keys and no others.
    static func object(_ shape: ObjectShape) -> JSONObject {
        var properties: JSONObject = [:]
        for field in shape.fields {
            var property = schema(field.shape)
            property["description"] = .string(field.description)
            properties[field.key] = .object(property)
        }
        var result: JSONObject = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        let required = shape.fields.filter { $0.required && !shape.exactlyOne.joined().contains($0.key) }.map {
            JSONValue.string($0.key)
        }
        if !required.isEmpty { result["required"] = .array(required) }
        if !shape.exactlyOne.isEmpty {
            result["allOf"] = .array(
                shape.exactlyOne.map { group in
                    ["oneOf": .array(group.map { ["required": [.string($0)]] })]
                })
        }
        return result
    }
}
