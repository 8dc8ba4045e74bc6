/// One question of Halo's "Accounting Tool Not Syncing" checklist, with the fix its guides give.
public enum DoctorCheck: String, Sendable, Hashable, Codable, CaseIterable {
    case moduleDisabled = "module_disabled"
    case tenantMissing = "tenant_missing"
    case tenantNotConnected = "tenant_not_connected"
    case tenantTokenExpired = "tenant_token_expired"
    case tenantTokenExpiring = "tenant_token_expiring"
    case entityNotSynced = "entity_not_synced"
    case entityLeftOut = "entity_left_out"
    case syncUnsupported = "sync_unsupported"
    case successMessageOff = "success_message_off"
    case defaultInvoiceProductUnknown = "default_invoice_product_unknown"
    case defaultInvoiceProductUnset = "default_invoice_product_unset"
    case customerNotLinked = "customer_not_linked"
    case customerNoAccountsID = "customer_no_accounts_id"
    case customerLeftOutOfSync = "customer_left_out_of_sync"
    case customerExcluded = "customer_excluded"
    case customerIDNotNumeric = "customer_id_not_numeric"
    case customerIDDuplicate = "customer_id_duplicate"
    case customerLinkedTwice = "customer_linked_twice"
    case customerTaxNotLinked = "customer_tax_not_linked"
    case productNotLinked = "product_not_linked"
    case productNoAccountsID = "product_no_accounts_id"
    case productExcluded = "product_excluded"
    case productIDDuplicate = "product_id_duplicate"
    case productTaxUnset = "product_tax_unset"
    case productTaxNotLinked = "product_tax_not_linked"
    case productAccountCodeUnknown = "product_account_code_unknown"
    case supplierNoAccountsID = "supplier_no_accounts_id"
    case supplierExcluded = "supplier_excluded"
    case syncErrorsLogged = "sync_errors_logged"
    case sageBusinessUnconfirmed = "sage_business_unconfirmed"
    case customerInactive = "customer_inactive"
    case supplierInactive = "supplier_inactive"
    case customerUncovered = "customer_uncovered"
    case itemGroupUncovered = "item_group_uncovered"

    /// How much a finding matters.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// It stops something from syncing.
        case problem
        /// The guides recommend otherwise.
        case recommendation
        /// Worth knowing; nothing to fix if it is meant.
        case note
    }

    /// What the check found, as a heading.
    public var title: String {
        switch self {
        case .moduleDisabled: "Integration module not enabled"
        case .tenantMissing: "Tenants not connected in Halo"
        case .tenantNotConnected: "Tenants Halo holds but no one has connected"
        case .tenantTokenExpired: "Tenants whose authorisation token has expired"
        case .tenantTokenExpiring: "Tenants whose authorisation token expires within 7 days"
        case .entityNotSynced: "Entities not in the sync list"
        case .entityLeftOut: "Entities the config leaves out of the sync list"
        case .syncUnsupported: "Sage tenants on a custom developer app, which cannot sync"
        case .successMessageOff: "Success message off (recommended on)"
        case .defaultInvoiceProductUnknown: "Default invoice product does not exist"
        case .defaultInvoiceProductUnset: "No default invoice product (recommended)"
        case .customerNotLinked: "Customers not linked to a tenant"
        case .customerNoAccountsID: "Customers with no accounts id"
        case .customerLeftOutOfSync: "Business Central customers left out of the sync (no accounts id)"
        case .customerExcluded: "Customers excluded from accounting sync"
        case .customerIDNotNumeric: "Exact Online customers whose accounts id is not a number"
        case .customerIDDuplicate: "Exact Online customers sharing an accounts id"
        case .customerLinkedTwice: "Customers linked to several accounting customers"
        case .customerTaxNotLinked: "Customers whose tax rate is not linked to their tenant"
        case .productNotLinked: "Products not linked to a tenant"
        case .productNoAccountsID: "Products with no accounts id"
        case .productExcluded: "Products excluded from accounting sync"
        case .productIDDuplicate: "Products sharing an accounts id"
        case .productTaxUnset: "Products with no tax rate"
        case .productTaxNotLinked: "Products whose tax rate is not linked to their tenant"
        case .productAccountCodeUnknown: "Products whose accounts code is not in the chart of accounts"
        case .supplierNoAccountsID: "Suppliers with no accounts id"
        case .supplierExcluded: "Suppliers excluded from accounting sync"
        case .syncErrorsLogged: "Failed syncs in Halo's error log"
        case .sageBusinessUnconfirmed: "Sage businesses Halo does not name, so not confirmed"
        case .customerInactive: "Inactive customers, not checked"
        case .supplierInactive: "Inactive suppliers, not checked"
        case .customerUncovered: "Active customers a coverage rule wants mapped"
        case .itemGroupUncovered: "Item groups a coverage rule wants mapped"
        }
    }

    /// The fix, as Halo's guides give it.
    public var fix: String {
        switch self {
        case .moduleDisabled:
            "In Configuration > Integrations, enable the module with its + icon (enabled: true)"
        case .tenantMissing:
            "Connect the tenant in Halo: run `haloform apply`, then log in on its integration page"
        case .tenantNotConnected:
            "Connect it on its page in Halo: 'Connect Now' for an Exact Online company (after selecting the location) or a Sage Business Cloud tenant, 'Authorize Application' for a Dynamics Business Central company"
        case .tenantTokenExpired, .tenantTokenExpiring:
            "Reconnect it on its page in Halo. Exact Online: \"the authorisation token for the integration has expired. This can be resolved by disconnecting and reconnecting to Exact on the Integration details page in Halo\"; Business Central: 'Authorize Application' again; Sage: 'Connect Now' again"
        case .entityNotSynced:
            "Add the entity to 'Entities to Sync' on the tenant's syncing tab (sync.entities)"
        case .entityLeftOut:
            "Nothing, if it is meant; to sync the entity, add it to sync.entities"
        case .syncUnsupported:
            "Nothing, if the tenant only imports; to sync, connect it with the Halo app (authentication: halo_app)"
        case .successMessageOff:
            "Turn on 'Show a message for each successful sync': it shows errors when syncing too (sync.show_success_message: true)"
        case .defaultInvoiceProductUnknown:
            "Choose a default invoice product that exists in Business Central (sync.default_invoice_product)"
        case .defaultInvoiceProductUnset:
            "Choose a default product for invoice lines, so lines with an unlinked product still sync (sync.default_invoice_product)"
        case .customerNotLinked:
            "On the customer's Billing tab, set the accounting tenant (company) it belongs to"
        case .customerNoAccountsID:
            "On the customer's Billing tab, set its ID for the accounting integration (or auto-generate ids under Configuration > Billing > General Settings)"
        case .customerLeftOutOfSync:
            "Nothing, if the customer is not to sync (\"This allows you to choose which customers are synced\"); otherwise generate its accounts id on its Billing tab, or have Halo do it (billing.auto_generate_accounts_id.customers)"
        case .customerExcluded:
            "On the customer, turn off 'Exclude from Accounting Integration'"
        case .customerIDNotNumeric:
            "Exact Online needs a unique numerical customer ID for accounting integration: set one on the customer's Billing tab"
        case .customerIDDuplicate:
            "Give each customer its own numerical ID for accounting integration"
        case .customerLinkedTwice:
            "Keep one mapping per Halo customer: the one synced last overwrites the others"
        case .customerTaxNotLinked:
            "Map the customer's tax rate to the tenant's tax code (tax_rates.mappings), or clear it on the customer's Billing tab"
        case .productNotLinked:
            "On the product's Billing tab, set the accounting tenant (company) it belongs to"
        case .productNoAccountsID:
            "On the product's Billing tab, set its product ID for the accounting integration (the Generate button makes a unique one)"
        case .productExcluded:
            "On the product, turn off 'Exclude from Accounting Integration'"
        case .productIDDuplicate:
            "Product IDs must be unique: use the Generate button on the product's Billing tab for a new one"
        case .productTaxUnset:
            "Set a tax rate on the product, or select 'Use Item Group Tax' with a tax rate on its group, or set a global default tax rate"
        case .productTaxNotLinked:
            "Map the tax rate to the tenant's tax code (tax_rates.mappings), under Configuration > Billing > Tax > Tax Rates"
        case .productAccountCodeUnknown:
            "Import the accounts codes from the accounting tool, and give the code in Configuration > Billing > Accounts Code one that exists there"
        case .supplierNoAccountsID:
            "On the supplier, set its ID for the accounting integration"
        case .supplierExcluded:
            "On the supplier, turn off 'Exclude from Accounting Integration'"
        case .syncErrorsLogged:
            "Halo saves each failed sync against the tenant's record (the Business Central guide: \"all errors are saved against the Dynamics Business Central company record in Halo for traceability\"): double-click the error there to open the entity, fix what the error names, and save the entity to sync it again"
        case .sageBusinessUnconfirmed:
            "In Halo's Sage Business Cloud settings, check the tenant is logged in to the business the config names (business)"
        case .customerInactive, .supplierInactive:
            "Nothing, if nothing is invoiced or ordered for them any more; otherwise make them active and run the doctor again"
        case .customerUncovered, .itemGroupUncovered:
            "Map each one (`haloform suggest` proposes mappings, `--write` adds them), or list it under unmapped_ok"
        }
    }

    /// How much its findings matter.
    public var severity: Severity {
        switch self {
        case .successMessageOff, .defaultInvoiceProductUnset, .customerUncovered, .itemGroupUncovered: .recommendation
        case .sageBusinessUnconfirmed, .customerInactive, .supplierInactive, .entityLeftOut, .syncUnsupported,
            .customerLeftOutOfSync:
            .note
        default: .problem
        }
    }

    /// Whether the finding stops something from syncing.
    public var blocks: Bool { severity == .problem }
}
