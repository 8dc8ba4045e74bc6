import Foundation

/// Halo's published API document (`Tests/Fixtures/halo-openapi-subset.json`), read for the contract test.
struct HaloDocument {
    /// A property of a schema as the document declares it.
    struct Property {
        /// The JSON type (`integer`, `string`, …; `object` for a reference to another schema).
        let type: String
        /// Which edition of the document has it: 2024, or 2025 for the fields only the newer one adds.
        let edition: Int
    }

    /// The fixture's location, found from this file's path.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/halo-openapi-subset.json")

    private let paths: [String: [String: Any]]
    private let schemas: [String: [String: Any]]

    /// Reads the fixture.
    init() throws {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.url)) as? [String: Any] ?? [:]
        paths = document["paths"] as? [String: [String: Any]] ?? [:]
        schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]] ?? [:]
    }

    /// The schema a path's POST body is an array of (`/Client` → `Area`).
    func postSchema(_ path: String) -> String? {
        let post = paths[path]?["post"] as? [String: Any]
        let content = (post?["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        let schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        let reference = (schema?["items"] as? [String: Any])?["$ref"] as? String ?? schema?["$ref"] as? String
        return reference?.split(separator: "/").last.map(String.init)
    }

    /// A schema's property, if the document has it.
    func property(_ schema: String, _ field: String) -> Property? {
        guard let declared = (schemas[schema]?["properties"] as? [String: Any])?[field] as? [String: Any] else {
            return nil
        }
        let added = schemas[schema]?["x-added-2025"] as? [String] ?? []
        let type = declared["$ref"] != nil ? "object" : declared["type"] as? String ?? "?"
        return Property(type: type, edition: added.contains(field) ? 2025 : 2024)
    }

    /// Whether any operation of a path declares a response schema (Halo's document declares none).
    func declaresResponses(_ path: String) -> Bool {
        paths[path]?.values.contains { operation in
            let responses = (operation as? [String: Any])?["responses"] as? [String: [String: Any]] ?? [:]
            return responses.values.contains { $0["content"] != nil }
        } ?? false
    }

    /// The query parameters of a path's GET.
    func getParameters(_ path: String) -> Set<String> {
        let parameters = (paths[path]?["get"] as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
        return Set(parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
    }
}
