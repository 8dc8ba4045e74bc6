import ServiceTransport

extension HTTPServiceConfiguration {
    /// Exact Online: 60 requests a minute per app and division, announced in `X-RateLimit-Minutely-*` headers.
    public static var exactOnline: HTTPServiceConfiguration {
        HTTPServiceConfiguration(
            name: "Exact Online", budget: 60, budgetWindow: .seconds(60), maximumConcurrentRequests: 2,
            rateLimitHeaders: .exactOnlineMinutely)
    }

    /// Business Central: 6,000 requests per 5 minutes per service principal; at most 5 run at once.
    public static var businessCentral: HTTPServiceConfiguration {
        HTTPServiceConfiguration(
            name: "Business Central", budget: 6000, budgetWindow: .seconds(300), maximumConcurrentRequests: 5)
    }

    /// Sage Business Cloud Accounting: 100 requests a minute per business (the lower of the figures quoted).
    public static var sage: HTTPServiceConfiguration {
        HTTPServiceConfiguration(name: "Sage Business Cloud", budget: 100, budgetWindow: .seconds(60))
    }
}

extension RateLimitHeaders {
    /// Exact Online's per-minute headers.
    public static let exactOnlineMinutely = RateLimitHeaders(
        remaining: "X-RateLimit-Minutely-Remaining", reset: "X-RateLimit-Minutely-Reset")
}
