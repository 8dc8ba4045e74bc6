/// The environment variable names import suggests for secrets, and reads haloform's own catalog credentials from.
public enum SecretNames {
    /// The short name a variable of an integration starts with.
    static func prefix(_ integration: Integration) -> String {
        switch integration {
        case .exactOnline: "EXACT"
        case .businessCentral: "BC"
        case .sageBusinessCloud: "SAGE"
        }
    }

    /// The variable for a tenant's setting: the tenant's name upper-cased (`exact-nl` gives `EXACT_NL_CLIENT_SECRET`),
    /// led by the integration's prefix when the name does not already start with it.
    public static func tenant(_ integration: Integration, _ tenant: String, _ suffix: String) -> String {
        var stem = ""
        for scalar in tenant.uppercased().unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if keep {
                stem.unicodeScalars.append(scalar)
            } else if !stem.isEmpty && !stem.hasSuffix("_") {
                stem += "_"
            }
        }
        while stem.hasSuffix("_") { stem.removeLast() }
        let prefix = prefix(integration)
        if stem != prefix && !stem.hasPrefix(prefix + "_") { stem = stem.isEmpty ? prefix : prefix + "_" + stem }
        return stem + "_" + suffix
    }

    /// haloform's own catalog app for an integration (`HALOFORM_EXACT_CLIENT_ID`), shared by its tenants.
    public static func catalogClientID(_ integration: Integration) -> String {
        "HALOFORM_\(prefix(integration))_CLIENT_ID"
    }

    /// That app's secret (`HALOFORM_EXACT_CLIENT_SECRET`).
    public static func catalogClientSecret(_ integration: Integration) -> String {
        "HALOFORM_\(prefix(integration))_CLIENT_SECRET"
    }
}
