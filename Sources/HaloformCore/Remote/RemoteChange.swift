import JSONText

/// One Halo record, named list entry or catalog that differs between the snapshot a plan was made against and now.
public struct RemoteChange: Sendable, Hashable {
    /// How the record changed.
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    /// What `collection` says of a tenant's accounting catalog.
    public static let catalog = "catalog"

    /// The collection path (`ExactDetails`, `Control`, `Client`), or `catalog` for an accounting catalog.
    public var collection: String
    /// The record's id, when it has one.
    public var id: Int?
    /// The record's name (or the tenant key of a catalog), when it has one.
    public var name: String?
    /// Added, removed or changed.
    public var kind: Kind
    /// The fields that changed, old to new (for a changed record).
    public var fields: [FieldChange]
    /// The plan's addresses whose requests act on this record: empty when the plan does not touch it.
    public var touchedBy: [String]

    /// Creates a change.
    public init(
        collection: String, id: Int?, name: String?, kind: Kind, fields: [FieldChange] = [], touchedBy: [String] = []
    ) {
        self.collection = collection
        self.id = id
        self.name = name
        self.kind = kind
        self.fields = fields
        self.touchedBy = touchedBy
    }

    /// Every difference between `old` and `new`, in collection and id order, each with the addresses of `plan` that
    /// act on it.
    public static func changes(from old: RemoteSnapshot, to new: RemoteSnapshot, plan: Plan) -> [RemoteChange] {
        var touched: [String: [String]] = [:]
        for operation in plan.operations {
            touched[
                key(operation.collection.path, operation.collection == .control ? nil : operation.recordID), default: []
            ]
            .append(contentsOf: operation.addresses)
        }
        var changes: [RemoteChange] = []
        func add(_ collection: String, _ id: Int?, _ name: String?, _ kind: Kind, _ fields: [FieldChange] = []) {
            changes.append(
                RemoteChange(
                    collection: collection, id: id, name: name, kind: kind, fields: fields,
                    touchedBy: touched[key(collection, id)] ?? []))
        }
        func compare<Value: Equatable>(
            _ collection: String, _ before: [Int: Value], _ after: [Int: Value], name: (Value) -> String?,
            fields: (Value, Value) -> [FieldChange]
        ) {
            for id in Set(before.keys).union(after.keys).sorted() {
                switch (before[id], after[id]) {
                case (let was?, nil): add(collection, id, name(was), .removed)
                case (nil, let now?): add(collection, id, name(now), .added)
                case (let was?, let now?) where was != now: add(collection, id, name(now), .changed, fields(was, now))
                default: break
                }
            }
        }
        for collection in Set(old.records.keys).union(new.records.keys).sorted() {
            let nameField = HaloCollection(rawValue: collection)?.nameField ?? "name"
            compare(
                collection, byID(old.records[collection] ?? []), byID(new.records[collection] ?? []),
                name: { $0[nameField]?.string }
            ) {
                fieldChanges($0, $1)
            }
        }
        if old.control != new.control {
            add(HaloCollection.control.path, nil, nil, .changed, fieldChanges(old.control, new.control))
        }
        for collection in Set(old.named.keys).union(new.named.keys).sorted() {
            func names(_ list: [NamedRecord]?) -> [Int: String] {
                Dictionary((list ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            }
            compare(collection, names(old.named[collection]), names(new.named[collection]), name: { $0 }) {
                [FieldChange("name", old: $0, new: $1)]
            }
        }
        for tenant in Set(old.catalogs.keys).union(new.catalogs.keys).sorted()
        where old.catalogs[tenant] != new.catalogs[tenant] {
            add(
                Self.catalog, nil, tenant,
                old.catalogs[tenant] == nil ? .added : new.catalogs[tenant] == nil ? .removed : .changed)
        }
        return changes
    }

    private static func key(_ collection: String, _ id: Int?) -> String {
        "\(collection)/\(id.map(String.init) ?? "")"
    }

    private static func byID(_ records: [JSONObject]) -> [Int: JSONObject] {
        Dictionary(
            records.compactMap { record in record[HaloCollection.idField]?.int.map { ($0, record) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The fields of two versions of a record that differ; lists of records with ids are compared element by element
    /// (`client_mappings[id=7].third_party_id`).
    static func fieldChanges(_ old: JSONObject, _ new: JSONObject, prefix: String = "") -> [FieldChange] {
        var fields: [FieldChange] = []
        for name in Set(old.keys).union(new.keys).sorted() where old[name] != new[name] {
            let label = prefix + name
            if let was = old[name]?.array, let now = new[name]?.array, let before = elementsByID(was),
                let after = elementsByID(now)
            {
                for id in Set(before.keys).union(after.keys).sorted() where before[id] != after[id] {
                    if let a = before[id], let b = after[id] {
                        fields += fieldChanges(a, b, prefix: "\(label)[id=\(id)].")
                    } else {
                        fields.append(
                            FieldChange(
                                "\(label)[id=\(id)]", old: before[id].map { shown(.object($0)) },
                                new: after[id].map { shown(.object($0)) }))
                    }
                }
            } else {
                fields.append(FieldChange(label, old: old[name].map(shown), new: new[name].map(shown)))
            }
        }
        return fields
    }

    private static func elementsByID(_ items: [JSONValue]) -> [Int: JSONObject]? {
        var result: [Int: JSONObject] = [:]
        for item in items {
            guard let object = item.object, let id = object[HaloCollection.idField]?.int else { return nil }
            result[id] = object
        }
        return result
    }

    /// A value as a reviewer reads it: strings quoted, long values shortened.
    private static func shown(_ value: JSONValue) -> String {
        let text = value.canonicalText
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
