import JSONText

/// Field updates for one Halo record, gathered across integrations so the record gets one POST.
struct RecordUpdate {
    /// The fields to set.
    var body: JSONObject = [:]
    /// Fields that take the id of a tenant created earlier in the same apply.
    var deferredIDs: [String: String] = [:]
    /// The addresses of the changes the POST carries.
    var addresses: [String] = []

    /// The upsert that carries the update to record `id` of `collection`.
    func operation(_ collection: HaloCollection, id: JSONValue?) -> Operation {
        var body = body
        if let id { body[HaloCollection.idField] = id }
        return Operation(
            kind: .upsert, collection: collection, recordID: id?.int, body: body, deferredIDs: deferredIDs,
            addresses: addresses)
    }
}
