/// The demo API apps the seed registers in each emulated system; each system accepts only its registered apps.
public enum SandboxCredentials {
    /// An API app registration: what a client logs in with.
    public struct App: Sendable, Equatable {
        /// The client id.
        public let clientID: String
        /// The client secret.
        public let clientSecret: String
        /// The registered redirect URI (authorization-code flows).
        public let redirectURI: String
    }

    /// Halo's API app (client credentials, scope `all`).
    public static let halo = App(
        clientID: "haloform-demo", clientSecret: "haloform-demo-secret", redirectURI: "http://localhost:8400/callback")
    /// The tenant name Halo's `/api/authinfo` reports and `/auth/token?tenant=` accepts.
    public static let haloTenant = "sandbox"
    /// Exact Online's app (authorization code, then rotating refresh tokens).
    public static let exactOnline = App(
        clientID: "6f1d2c3b-8a7e-4f10-9b2c-5e4d3c2b1a00", clientSecret: "exact-demo-secret",
        redirectURI: "http://localhost:8400/exact/callback")
    /// Business Central's Entra app (client credentials, scope `https://api.businesscentral.dynamics.com/.default`).
    public static let businessCentral = App(
        clientID: "0c9a7d52-3e1f-4b6a-8d2c-71f0e5a4b3c2", clientSecret: "bc-demo-secret",
        redirectURI: "http://localhost:8400/bc/callback")
    /// The Entra (AAD) tenant id of the emulated Business Central.
    public static let businessCentralTenant = "3f5c2a1e-9b8d-4c7e-a6f5-0d1e2c3b4a59"
    /// Sage Business Cloud Accounting's app (authorization code, then rotating refresh tokens).
    public static let sage = App(
        clientID: "sage-demo-client", clientSecret: "sage-demo-secret",
        redirectURI: "http://localhost:8400/sage/callback")
}
