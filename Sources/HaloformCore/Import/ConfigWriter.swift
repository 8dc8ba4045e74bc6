import JSONText

/// Writes a config root from what Halo holds: pure, `RemoteState → YAML text`, the inverse of the planner's mapping.
///
/// References come out as Halo names and accounting codes, a name shared by several records as `halo_id` with a
/// comment; secrets as `${env:…}` placeholders, never values. What cannot round-trip is written as close as it
/// can be and named in `notes`.
public struct ConfigWriter {
    /// The JSON Schema `haloform import` writes beside the files, which their first line points editors at.
    public static let schemaFileName = "haloform.schema.json"

    /// The file each integration is written to.
    public static func fileName(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: "exact-online.yaml"
        case .businessCentral: "business-central.yaml"
        case .sageBusinessCloud: "sage-business-cloud.yaml"
        }
    }

    /// What Halo holds.
    let remote: RemoteState
    /// Halo's customers by name.
    let clients: HaloNames
    /// Halo's top levels by name.
    let topLevels: HaloNames
    /// Halo's product groups by name.
    let productGroups: HaloNames
    /// Halo's tax rates by name.
    let taxes: HaloNames

    /// Prepares to write what `remote` holds; its catalogs are keyed by the tenant records' names.
    public init(remote: RemoteState) {
        self.remote = remote
        clients = HaloNames("customer", remote.clients)
        topLevels = HaloNames("top level", remote.topLevels)
        productGroups = HaloNames("product group", remote.productGroups)
        taxes = HaloNames("tax rate", remote.taxRecords.compactMap(\.named))
    }

    /// `halo.yaml` (when `halo` is given) and a file for each integration Halo has a module or tenants of.
    public func write(halo: ImportedHaloSettings?) -> ImportedConfig {
        var files: [ImportedFile] = []
        var notes: [String] = []
        if let halo { files.append(ImportedFile(name: "halo.yaml", text: haloText(halo))) }
        if let billing = billingText() { files.append(ImportedFile(name: "billing.yaml", text: billing)) }
        var secretNames = Set<String>()
        for integration in Integration.allCases {
            guard remote.module(integration) != nil || !remote.tenants(integration).isEmpty else { continue }
            var writer = IntegrationWriter(config: self, integration: integration, secretNames: secretNames)
            let text = writer.text()
            secretNames = writer.secretNames
            notes += writer.notes
            files.append(ImportedFile(name: Self.fileName(integration), text: text))
        }
        return ImportedConfig(files: files, notes: notes)
    }

    /// `billing.yaml`, when Halo's `/Control` holds either automatic accounts id switch.
    private func billingText() -> String? {
        let customers = remote.controlRecord.statedFlag(.autoGenerateCustomerAccountsID)
        let products = remote.controlRecord.statedFlag(.autoGenerateProductAccountsID)
        guard customers != nil || products != nil else { return nil }
        var out = YAMLLines()
        out.header()
        out.line(0, "billing:")
        out.line(1, "auto_generate_accounts_id:")
        if let customers { out.line(2, "customers: \(customers)") }
        if let products { out.line(2, "products: \(products)") }
        return out.text
    }

    /// `halo.yaml`: the instance and its login.
    private func haloText(_ halo: ImportedHaloSettings) -> String {
        var out = YAMLLines()
        out.header()
        out.line(0, "halo:")
        out.line(1, "url: " + YAMLScalarText.string(halo.url))
        if let id = halo.clientID { out.line(1, "client_id: " + Self.configString(id)) }
        if let secret = halo.clientSecret { out.line(1, "client_secret: " + Self.configString(secret)) }
        if let tenant = halo.tenant { out.line(1, "tenant: " + YAMLScalarText.string(tenant)) }
        return out.text
    }

    /// A literal or `${env:NAME}` as the config writes it.
    static func configString(_ value: ConfigString) -> String {
        switch value {
        case .literal(let text): YAMLScalarText.string(text)
        case .environment(let name): "${env:\(name)}"
        }
    }
}
