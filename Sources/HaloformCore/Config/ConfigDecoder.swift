import YAMLSyntax

/// Turns one file's checked node tree into a typed `Config`, keeping each value's location.
///
/// It runs after `ShapeChecker`, which has reported every problem; values that failed
/// their check simply come out as nil here, so each problem is reported once.
struct ConfigDecoder {
    /// Decodes a file's root mapping.
    func decode(_ root: YAMLNode) -> Config {
        var config = Config()
        config.halo = root["halo"].map(halo)
        config.billing = root["billing"].flatMap(billing)
        for integration in Integration.allCases {
            if let node = root[integration.key] {
                config.integrations[integration] = self.integration(integration, node)
            }
        }
        return config
    }

    private func halo(_ node: YAMLNode) -> HaloSettings {
        HaloSettings(
            range: node.range,
            url: string(node["url"]),
            clientID: configString(node["client_id"]),
            clientSecret: configString(node["client_secret"]),
            tenant: string(node["tenant"])
        )
    }

    private func billing(_ node: YAMLNode) -> BillingSettings? {
        guard node.mapping != nil else { return nil }
        let generate = node["auto_generate_accounts_id"]
        return BillingSettings(
            range: node.range,
            autoGenerateCustomerAccountsID: bool(generate?["customers"]),
            autoGenerateProductAccountsID: bool(generate?["products"])
        )
    }

    private func integration(_ integration: Integration, _ node: YAMLNode) -> IntegrationConfig {
        IntegrationConfig(
            integration: integration,
            range: node.range,
            enabled: bool(node["enabled"]),
            defaultTenant: string(node["default_tenant"]),
            defaultInvoiceStatus: enumeration(node["default_invoice_status"]),
            legacyIntegration: bool(node["legacy_integration"]),
            tenants: (node["tenants"]?.sequence ?? []).compactMap { tenant(integration, $0) }
        )
    }

    private func tenant(_ integration: Integration, _ node: YAMLNode) -> TenantConfig? {
        guard node.mapping != nil, let name = string(node["name"]) else { return nil }
        let customers = node["customers"], products = node["products"], sync = node["sync"]
        let taxRates = node["tax_rates"], catalog = node["catalog"], accounts = node["accounts"]
        return TenantConfig(
            integration: integration,
            range: node.range,
            name: name,
            location: enumeration(node["location"]),
            division: int(node["division"]),
            azureTenantID: configString(node["azure_tenant_id"]),
            environment: string(node["environment"]),
            company: string(node["company"]),
            authentication: enumeration(node["authentication"]),
            business: string(node["business"]),
            clientID: configString(node["client_id"]),
            clientSecret: configString(node["client_secret"]),
            catalogClientID: configString(catalog?["client_id"]),
            catalogClientSecret: configString(catalog?["client_secret"]),
            catalogUser: string(catalog?["user"]),
            defaultSalesAccount: string(accounts?["default_sales"]),
            defaultPurchaseAccount: string(accounts?["default_purchase"]),
            importTaxRatesDaily: bool(taxRates?["import_daily"]),
            taxRates: mappingList(taxRates, key: "mappings", integration),
            customerTopLevel: reference(customers?["top_level"]),
            customers: mappingList(customers, key: "mappings", integration),
            defaultProductGroup: reference(products?["default_group"]),
            productGroups: mappingList(products, key: "group_mappings", integration),
            groupAccounts: groupAccounts(products?["group_accounts"]),
            sync: sync.flatMap { self.sync($0) }
        )
    }

    private func mappingList(_ node: YAMLNode?, key: String, _ integration: Integration) -> MappingList? {
        guard let node, node.mapping != nil else { return nil }
        let list = node[key]
        let items = list?.sequence ?? []
        var mappings: [Mapping] = []
        // Sized up front: a list grown by appending may keep twice the room for the whole run.
        mappings.reserveCapacity(items.count)
        for item in items {
            guard let code = string(item[integration.mappingKey]), let halo = haloSide(item) else { continue }
            mappings.append(Mapping(range: item.range, halo: halo, code: code))
        }
        var result = MappingList(
            range: list?.range ?? node.range, prune: bool(node["prune"]), mappings: mappings, isWritten: list != nil)
        result.requirement = enumeration(node["require"])
        result.unmappedOK = (node["unmapped_ok"]?.sequence ?? []).compactMap { string($0) }
        result.severity = enumeration(node["coverage"])
        return result
    }

    private func groupAccounts(_ node: YAMLNode?) -> Located<[GroupAccounts]>? {
        guard let node, let items = node.sequence else { return nil }
        let entries = items.compactMap { item -> GroupAccounts? in
            guard let group = haloSide(item) else { return nil }
            return GroupAccounts(
                range: item.range, group: group, income: string(item["income"]), expense: string(item["expense"]),
                item: string(item["item"]), tax: reference(item["tax"]), purchaseTax: reference(item["purchase_tax"])
            )
        }
        return Located(entries, at: node.range)
    }

    /// The Halo record an entry names, by `halo` (name) or `halo_id`: exactly one, as the shape check demands.
    private func haloSide(_ item: YAMLNode) -> Located<HaloReference>? {
        if let name = string(item["halo"]), item["halo_id"] == nil { return Located(.name(name.value), at: name.range) }
        if let id = int(item["halo_id"]), item["halo"] == nil { return Located(.id(id.value), at: id.range) }
        return nil
    }

    private func sync(_ node: YAMLNode) -> SyncSettings? {
        guard node.mapping != nil else { return nil }
        let lineNumbers = node["line_numbers"]
        var entities: Located<[Located<SyncEntity>]>?
        if let list = node["entities"], let items = list.sequence {
            entities = Located(items.compactMap { enumeration($0) }, at: list.range)
        }
        return SyncSettings(
            range: node.range,
            entities: entities,
            showSuccessMessage: bool(node["show_success_message"]),
            defaultInvoiceProduct: string(node["default_invoice_product"]),
            invoiceGroupHeadersAsComments: bool(node["invoice_group_headers_as_comments"]),
            groupIncrement: int(lineNumbers?["group_increment"]),
            lineIncrement: int(lineNumbers?["line_increment"]),
            defaultItemCode: string(node["default_item_code"])
        )
    }

    // MARK: - Scalars

    private func string(_ node: YAMLNode?) -> Located<String>? {
        guard let node, let scalar = node.scalar, !scalar.isNull else { return nil }
        return Located(scalar.value, at: node.range)
    }

    /// A value of a closed set; the shape check has reported any other.
    private func enumeration<Value: RawRepresentable<String>>(_ node: YAMLNode?) -> Located<Value>? {
        string(node).flatMap { text in Value(rawValue: text.value).map { Located($0, at: text.range) } }
    }

    private func int(_ node: YAMLNode?) -> Located<Int>? {
        guard let node, let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.value) else {
            return nil
        }
        return Located(value, at: node.range)
    }

    private func bool(_ node: YAMLNode?) -> Located<Bool>? {
        guard let node, let scalar = node.scalar, scalar.style == .plain, let value = Bool(scalar.value.lowercased())
        else {
            return nil
        }
        return Located(value, at: node.range)
    }

    private func configString(_ node: YAMLNode?) -> Located<ConfigString>? {
        guard let text = string(node), let value = ConfigString.parse(text.value) else { return nil }
        return Located(value, at: text.range)
    }

    private func reference(_ node: YAMLNode?) -> Located<HaloReference>? {
        guard let node else { return nil }
        if let id = int(node["halo_id"]) { return Located(.id(id.value), at: id.range) }
        return string(node).map { Located(.name($0.value), at: $0.range) }
    }
}

extension YAMLNode {
    /// The value under a key of this mapping; nil for a missing key or a node that is no mapping.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar?.value == key }?.value
    }
}
