import JSONText

/// What Halo's error log (`/IntegrationError`) holds from a moment on: the failed syncs the doctor reports per tenant.
public struct IntegrationErrorLog: Sendable, Hashable {
    /// The entity a failed sync is about, which findings group the log's entries by.
    struct Entity: Hashable {
        /// What kind of entity (`Invoice`).
        var type: String
        /// Its Halo id, 0 when the entry gives none.
        var id: Int
        /// Its name.
        var name: String
    }

    /// One failed sync.
    public struct Entry: Sendable, Hashable {
        /// The integration's module id (its `/Features` record).
        public var moduleID: Int?
        /// The tenant record's id.
        public var detailID: Int?
        /// What kind of entity failed (`Invoice`, `Customer`).
        public var entityType: String
        /// Its Halo id.
        public var entityID: Int?
        /// Its name.
        public var entityName: String
        /// Halo's message.
        public var error: String
        /// When.
        public var date: Timestamp?

        /// The entry of one `/IntegrationError` record.
        public init(_ record: JSONObject) {
            moduleID = record[IntegrationErrorField.moduleID]?.int
            detailID = record[IntegrationErrorField.detailID]?.int
            entityType = record[IntegrationErrorField.entityType]?.string ?? ""
            entityID = record[IntegrationErrorField.entityID]?.int
            entityName = record[IntegrationErrorField.entityName]?.string ?? ""
            error = record[IntegrationErrorField.error]?.string ?? ""
            date = record[IntegrationErrorField.date]?.string.flatMap(Timestamp.init(iso:))
        }

        /// The entity that failed.
        var entity: Entity { Entity(type: entityType, id: entityID ?? 0, name: entityName) }
    }

    /// The moment the log was read from.
    public var since: Timestamp
    /// The entries from then on (entries read beyond it are left out).
    public var entries: [Entry]

    /// The log from `since`, of the records read.
    public init(since: Timestamp, records: [JSONObject]) {
        self.since = since
        entries = records.map(Entry.init).filter { entry in entry.date.map { $0 >= since } ?? false }
    }
}
