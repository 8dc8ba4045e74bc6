/// The Halo fields the sandbox knows, by path, for checking its emulation against Halo's published API document.
public enum SandboxHaloFields {
    /// Each path's fields (`/ExactDetails` → `do_daily_tax_import` → `boolean`), with OpenAPI type names.
    public static var byEndpoint: [String: [String: String]] {
        var table: [String: [String: String]] = ["/Control": HaloCollection.controlFields.mapValues(\.schemaName)]
        for collection in HaloCollection.all.values {
            table["/" + collection.name] = collection.fields.mapValues(\.schemaName)
        }
        return table
    }
}
