/// What haloform takes from Halo's published API document (2024-09, with the fields its 2025-09 edition adds): every
/// record's field table, and the one list of what it takes without evidence there.
public enum HaloContract {
    /// The field table of every record haloform touches besides the tenants' `*Details` (`TenantField`).
    public static let records: [any HaloRecordField.Type] = [
        ControlField.self, ModuleField.self, TaxField.self, KeyPairField.self, ExternalLinkField.self,
        ProductGroupField.self,
        GroupAccountsField.self,
        TopLevelField.self, ClientField.self, ItemField.self, SupplierField.self, IntegrationErrorField.self,
    ]

    /// Fields haloform relies on that the document does not show, each with its reason. Keep it short and true: the
    /// contract test fails on an entry the document does show.
    public static let assumptions: [HaloAssumption] = [
        HaloAssumption(endpoint: "/Client", field: "record_count", reason: listEnvelope),
        HaloAssumption(endpoint: "/Client", field: "clients", reason: listEnvelope),
        HaloAssumption(endpoint: "/Item", field: "record_count", reason: listEnvelope),
        HaloAssumption(endpoint: "/Item", field: "items", reason: listEnvelope),
        HaloAssumption(endpoint: "/Supplier", field: "record_count", reason: listEnvelope),
        HaloAssumption(endpoint: "/Supplier", field: "suppliers", reason: listEnvelope),
        HaloAssumption(
            endpoint: "/Control", field: "default_item_tax_code",
            reason:
                "the global default tax rate of items, which the doctor checks for a product with no tax of its own or "
                + "its group's; the research note on Halo's API names it among Control's fields, the trimmed document does not carry it, and no "
                + "guide says how it ranks against a customer's tax"),
        HaloAssumption(
            endpoint: "/IntegrationError", field: "record_count",
            reason: listEnvelope
                + "; the records are read from the answer's one array, whatever its name (the document gives none)"),
    ]

    private static let listEnvelope =
        "the document declares no response schemas; a paged list answers "
        + "{record_count, <records>}, as the n8n node and the HaloAPI PowerShell module read it"
}
