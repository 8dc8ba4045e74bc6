/// Where things are in Halo's web UI, in its guides' words: for the steps haloform cannot take through the API.
public enum HaloScreen {
    /// The page of one tenant's connection.
    public static func tenantPage(_ integration: Integration, tenant name: String) -> String {
        switch integration {
        case .exactOnline: "Configuration > Integrations > Exact Online > Exact Online companies > '\(name)'"
        case .businessCentral: "Configuration > Integrations > Dynamics Business Central > Manage Companies > '\(name)'"
        case .sageBusinessCloud:
            "Configuration > Integrations > Accounts and Payments > Sage Business Cloud > Sage Business Cloud Tenants > '\(name)'"
        }
    }

    /// How a person connects a tenant, quoting the guide.
    public static func connectAction(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: "select the location and hit 'Connect Now', then log in to Exact Online"
        case .businessCentral: "press the 'Authorize Application' button to complete the Microsoft sign in"
        case .sageBusinessCloud: "click the 'Connect Now' button and log in to Sage"
        }
    }

    /// How a person imports customers on the tenant's page, quoting the guide.
    public static func importCustomers(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: "on the 'Customers' tab, import the customers and hit 'start' in the preview"
        case .businessCentral: "click the 'Import Customers' button and import them in the importer screen"
        case .sageBusinessCloud: "on the 'Customers' tab, click the 'Import Customers' button"
        }
    }

    /// How a person imports products on the tenant's page, quoting the guide.
    public static func importProducts(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: "on the 'Products' tab, hit 'Import products' and 'start' in the preview"
        case .businessCentral: "import the products (the Product Imports step)"
        case .sageBusinessCloud: "on the 'Products' tab, use the 'Import Products' and 'Import Services' buttons"
        }
    }
}
