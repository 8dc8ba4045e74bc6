import ServiceTransport

extension HTTPServiceConfiguration {
    /// Halo: hosted instances allow 300 requests per rolling 5 minutes.
    public static var halo: HTTPServiceConfiguration {
        HTTPServiceConfiguration(name: "Halo", budget: 300, budgetWindow: .seconds(300))
    }
}
