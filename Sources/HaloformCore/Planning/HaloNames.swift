/// Halo records of one kind by name and id, to resolve the names a config writes.
struct HaloNames {
    /// What the records are, for messages ("customer", "product group").
    let noun: String
    private let idsByName: [String: [Int]]
    private let namesByID: [Int: String]

    /// Indexes records.
    init(_ noun: String, _ records: [NamedRecord]) {
        self.noun = noun
        var idsByName: [String: [Int]] = [:]
        var namesByID: [Int: String] = [:]
        idsByName.reserveCapacity(records.count)
        namesByID.reserveCapacity(records.count)
        for record in records {
            idsByName[record.name, default: []].append(record.id)
            namesByID[record.id] = record.name
        }
        self.idsByName = idsByName
        self.namesByID = namesByID
    }

    /// The name of a record, if Halo holds it.
    func name(of id: Int) -> String? { namesByID[id] }

    /// The ids of the records with a name, in Halo's order.
    func ids(named name: String) -> [Int] { idsByName[name] ?? [] }

    /// The id a reference names, or a located error: unknown, or a name two records share.
    func resolve(_ reference: Located<HaloReference>) -> Result<Int, Diagnostic> {
        switch reference.value {
        case .id(let id):
            guard namesByID[id] != nil else {
                return .failure(.error("Halo has no \(noun) with id \(id)", at: reference.range))
            }
            return .success(id)
        case .name(let name):
            let ids = idsByName[name] ?? []
            if ids.count == 1 { return .success(ids[0]) }
            if ids.isEmpty {
                let suggestion = Suggestion.nearest(to: name, among: Array(idsByName.keys.prefix(50_000)))
                return .failure(.error(
                    "Halo has no \(noun) named '\(name)'\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")",
                    at: reference.range
                ))
            }
            return .failure(.error(
                "'\(name)' matches \(ids.count) Halo \(noun)s (ids \(ids.sorted().map(String.init).joined(separator: ", ")))",
                at: reference.range,
                notes: [.init("name the one you mean by id: halo_id: \(ids.sorted()[0])")]
            ))
        }
    }
}

/// An accounting catalog list by code and id.
struct CatalogIndex {
    /// What the entries are, for messages ("customer", "VAT code").
    let noun: String
    private let byCode: [String: CatalogEntry]
    private let byID: [String: CatalogEntry]

    /// Indexes entries.
    init(_ noun: String, _ entries: [CatalogEntry]) {
        self.noun = noun
        byCode = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry with an id, if the catalog holds it.
    func entry(id: String) -> CatalogEntry? { byID[id] }

    /// The entry for a code, or a located error.
    func resolve(_ code: Located<String>, system: String) -> Result<CatalogEntry, Diagnostic> {
        if let entry = byCode[code.value] { return .success(entry) }
        let suggestion = Suggestion.nearest(to: code.value, among: Array(byCode.keys.prefix(50_000)))
        return .failure(.error(
            "\(system) has no \(noun) '\(code.value)'\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")",
            at: code.range
        ))
    }
}
