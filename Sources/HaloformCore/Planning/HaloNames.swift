/// Halo records of one kind by name and id, to resolve the names a config writes.
struct HaloNames {
    /// What the records are, for messages ("customer", "product group").
    let noun: String
    /// The id of each name; most names are unique, so the rare shared ones live apart in `sharedNames`.
    private let idByName: [String: Int]
    private let sharedNames: [String: [Int]]
    private let namesByID: [Int: String]

    /// Indexes records.
    init(_ noun: String, _ records: [NamedRecord]) {
        self.noun = noun
        var idByName: [String: Int] = [:]
        var sharedNames: [String: [Int]] = [:]
        var namesByID: [Int: String] = [:]
        idByName.reserveCapacity(records.count)
        namesByID.reserveCapacity(records.count)
        for record in records {
            if let first = idByName.updateValue(record.id, forKey: record.name) {
                idByName[record.name] = first
                sharedNames[record.name, default: [first]].append(record.id)
            }
            namesByID[record.id] = record.name
        }
        self.idByName = idByName
        self.sharedNames = sharedNames
        self.namesByID = namesByID
    }

    /// The name of a record, if Halo holds it.
    func name(of id: Int) -> String? { namesByID[id] }

    /// The ids of the records with a name, in Halo's order.
    func ids(named name: String) -> [Int] { sharedNames[name] ?? idByName[name].map { [$0] } ?? [] }

    /// The id a reference names, or a located error: unknown, or a name two records share.
    func resolve(_ reference: Located<HaloReference>) -> Result<Int, Diagnostic> {
        switch reference.value {
        case .id(let id):
            guard namesByID[id] != nil else {
                return .failure(.error("Halo has no \(noun) with id \(id)", at: reference.range))
            }
            return .success(id)
        case .name(let name):
            guard let id = idByName[name] else {
                let suggestion = Suggestion.nearest(to: name, among: idByName.keys)
                return .failure(
                    .error(
                        "Halo has no \(noun) named '\(name)'\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")",
                        at: reference.range
                    ))
            }
            // Most Halos share no name: then no second lookup.
            guard !sharedNames.isEmpty, let ids = sharedNames[name] else { return .success(id) }
            return .failure(
                .error(
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
    /// The entries, in the system's order.
    let entries: [CatalogEntry]
    private let byCode: [String: CatalogEntry]

    /// Indexes entries by code.
    init(_ noun: String, _ entries: [CatalogEntry]) {
        self.noun = noun
        self.entries = entries
        byCode = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entries by id, made when asked for: most plans never look one up by id.
    func entriesByID() -> [String: CatalogEntry] {
        Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry for a code, or a located error.
    func resolve(_ code: Located<String>, system: String) -> Result<CatalogEntry, Diagnostic> {
        if let entry = byCode[code.value] { return .success(entry) }
        let suggestion = Suggestion.nearest(to: code.value, among: byCode.keys)
        return .failure(
            .error(
                "\(system) has no \(noun) '\(code.value)'\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")",
                at: code.range
            ))
    }
}
