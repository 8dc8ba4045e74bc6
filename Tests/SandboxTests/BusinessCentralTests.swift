import Foundation
import Sandbox
import Testing

/// Business Central's Entra token endpoint, companies, entity sets, paging, etags, errors and throttling.
@Suite struct BusinessCentralTests {
    static let tenant = SandboxCredentials.businessCentralTenant

    /// A client-credentials token for the demo app.
    static func token(_ client: SandboxClient) async throws -> String {
        let app = SandboxCredentials.businessCentral
        let response = try await client.postForm(
            "/business-central/\(tenant)/oauth2/v2.0/token",
            [
                ("grant_type", "client_credentials"), ("client_id", app.clientID), ("client_secret", app.clientSecret),
                ("scope", "https://api.businesscentral.dynamics.com/.default"),
            ])
        guard let token = response.object["access_token"] as? String else {
            throw TestFailure("no BC token: \(response.text)")
        }
        #expect(response.object["token_type"] as? String == "Bearer")
        #expect(response.object["expires_in"] as? Int == 3599)
        return token
    }

    /// The id of a company by name in an environment.
    static func company(
        _ client: SandboxClient, token: String, environment: String = "Production", name: String = "CRONUS NL"
    )
        async throws -> String
    {
        let companies = try await client.get(
            "/business-central/v2.0/\(tenant)/\(environment)/api/v2.0/companies", token: token)
        let value = companies.object["value"] as? [[String: Any]] ?? []
        guard let id = value.first(where: { $0["name"] as? String == name })?["id"] as? String else {
            throw TestFailure("no company \(name): \(companies.text)")
        }
        return id
    }

    @Test func entraTokenEndpointChecksTenantAppSecretAndScope() async throws {
        try await withSandbox { client in
            let app = SandboxCredentials.businessCentral
            _ = try await Self.token(client)
            let path = "/business-central/\(Self.tenant)/oauth2/v2.0/token"
            let wrongSecret = try await client.postForm(
                path,
                [
                    ("grant_type", "client_credentials"), ("client_id", app.clientID), ("client_secret", "x"),
                    ("scope", BusinessCentralScope.value),
                ])
            #expect(wrongSecret.status == 401)
            #expect(wrongSecret.object["error"] as? String == "invalid_client")
            #expect((wrongSecret.object["error_description"] as? String)?.hasPrefix("AADSTS7000215") == true)
            let wrongScope = try await client.postForm(
                path,
                [
                    ("grant_type", "client_credentials"), ("client_id", app.clientID),
                    ("client_secret", app.clientSecret), ("scope", "https://graph.microsoft.com/.default"),
                ])
            #expect(wrongScope.object["error"] as? String == "invalid_scope")
            let wrongTenant = try await client.postForm(
                "/business-central/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token",
                [
                    ("grant_type", "client_credentials"), ("client_id", app.clientID),
                    ("client_secret", app.clientSecret), ("scope", BusinessCentralScope.value),
                ])
            #expect(wrongTenant.status == 400)
        }
    }

    @Test func companiesCustomersPagingWithMaxPageSizeAndAbsoluteNextLink() async throws {
        try await withSandbox { client in
            let token = try await Self.token(client)
            let environments = try await client.get(
                "/business-central/admin/v2.1/applications/businesscentral/environments", token: token)
            #expect(
                (environments.object["value"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [
                    "Production", "Sandbox",
                ])
            let companies = try await client.get("/business-central/v2.0/Production/api/v2.0/companies", token: token)
            #expect(
                (companies.object["value"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [
                    "CRONUS NL", "CRONUS UK",
                ])
            #expect((companies.object["@odata.context"] as? String)?.hasSuffix("/api/v2.0/$metadata#companies") == true)
            let company = try await Self.company(client, token: token)
            var url = "/business-central/v2.0/\(Self.tenant)/Production/api/v2.0/companies(\(company))/customers"
            var numbers: [String] = []
            var pages = 0
            for _ in 0..<20 {
                let page = try await client.get(url, token: token, headers: [("Prefer", "odata.maxpagesize=50")])
                #expect(page.status == 200)
                #expect(page.headers["preference-applied"] == "odata.maxpagesize=50")
                let value = page.object["value"] as? [[String: Any]] ?? []
                pages += 1
                #expect(value.allSatisfy { ($0["@odata.etag"] as? String)?.hasPrefix("W/\"") == true })
                numbers += value.compactMap { $0["number"] as? String }
                guard let next = page.object["@odata.nextLink"] as? String else { break }
                #expect(next.hasPrefix(client.server.businessCentralURL + "/v2.0/"))
                url = next
            }
            #expect(pages == 4)
            #expect(numbers.count == 200)
            #expect(numbers.prefix(3) == ["10000", "10010", "10020"])
            let all = try await client.get(url.components(separatedBy: "?")[0], token: token)
            #expect((all.object["value"] as? [Any])?.count == 200)
            #expect(all.object["@odata.nextLink"] == nil)
        }
    }

    @Test func filterSelectTopAndEntitySets() async throws {
        try await withSandbox { client in
            let token = try await Self.token(client)
            let company = try await Self.company(client, token: token, environment: "Sandbox", name: "CRONUS UK")
            let base = "/business-central/v2.0/\(Self.tenant)/Sandbox/api/v2.0/companies(\(company))"
            func value(_ query: String) async throws -> [[String: Any]] {
                try await client.get("\(base)/\(query)", token: token).object["value"] as? [[String: Any]] ?? []
            }
            let acme = try await value("customers?$filter=number%20eq%20'10000'&$select=number,displayName")
            #expect(acme.count == 1)
            #expect(acme.first?["displayName"] as? String == "Acme BV")
            #expect(Set(acme.first?.keys.map { $0 } ?? []) == ["@odata.etag", "id", "number", "displayName"])
            #expect(try await value("customers?$top=7").count == 7)
            let categories = try await value("itemCategories").compactMap { $0["code"] as? String }
            #expect(categories == ["CHAIR", "DESK", "FURNITURE", "SERVICE", "SUPPLIERS"])
            let service = try await value("items?$filter=number eq 'SERVICE'")
            #expect(service.first?["type"] as? String == "Service")
            let accounts = try await value("accounts").compactMap { $0["number"] as? String }
            #expect(accounts == ["8000", "7000", "2000", "4000"])
            #expect(try await value("taxGroups").count == 4)
            #expect(try await value("countriesRegions?$filter=code eq 'NL' or code eq 'GB'").count == 2)
            let chairs = try await value(
                "items?$filter=itemCategoryCode eq 'CHAIR' and startswith(displayName,'PARIS')")
            #expect(chairs.count == 1)
            let recent = try await value(
                "customers?$filter=lastModifiedDateTime%20ge%202024-03-30T00:00:00Z&$select=number")
            #expect(!recent.isEmpty && recent.count < 200)
            let counted = try await client.get("\(base)/customers?$count=true&$top=1", token: token)
            #expect(counted.object["@odata.count"] as? Int == 200)
            let id = try #require(acme.first?["id"] as? String)
            let one = try await client.get("\(base)/customers(\(id))", token: token)
            #expect(one.object["number"] as? String == "10000")
            #expect((one.object["@odata.context"] as? String)?.hasSuffix("/customers/$entity") == true)
        }
    }

    @Test func errorsAreODataBodies() async throws {
        try await withSandbox { client in
            let token = try await Self.token(client)
            let company = try await Self.company(client, token: token)
            let base = "/business-central/v2.0/\(Self.tenant)/Production/api/v2.0"
            let unauthorized = try await client.get("\(base)/companies", token: nil)
            #expect(unauthorized.status == 401)
            #expect(
                (unauthorized.object["error"] as? [String: Any])?["code"] as? String
                    == "Authentication_InvalidCredentials")
            let badProperty = try await client.get(
                "\(base)/companies(\(company))/customers?$filter=nope eq 1", token: token)
            #expect(badProperty.status == 400)
            #expect(
                ((badProperty.object["error"] as? [String: Any])?["message"] as? String)?.contains("'nope'") == true)
            let missing = try await client.get(
                "\(base)/companies(\(company))/customers(00000000-0000-0000-0000-000000000009)", token: token)
            #expect(missing.status == 404)
            #expect((missing.object["error"] as? [String: Any])?["code"] as? String == "Internal_RecordNotFound")
            #expect(try await client.get("\(base)/companies(\(company))/vendorsX", token: token).status == 404)
            #expect(
                try await client.get("/business-central/v2.0/\(Self.tenant)/Nowhere/api/v2.0/companies", token: token)
                    .status == 404)
            #expect(missing.headers["x-ms-correlation-request-id"] != nil)
        }
    }

    @Test func writesNeedIfMatchAndAnswerWithEtags() async throws {
        try await withSandbox { client in
            let token = try await Self.token(client)
            let company = try await Self.company(client, token: token)
            let base = "/business-central/v2.0/Production/api/v2.0/companies(\(company))"
            let created = try await client.sendJSON(
                "POST", "\(base)/customers", ["number": "99990", "displayName": "New Ltd"], token: token)
            #expect(created.status == 201)
            let id = try #require(created.object["id"] as? String)
            let etag = try #require(created.object["@odata.etag"] as? String)
            let noMatch = try await client.sendJSON(
                "PATCH", "\(base)/customers(\(id))", ["displayName": "X"], token: token)
            #expect(noMatch.status == 400)
            let patched = try await client.send(
                "PATCH", "\(base)/customers(\(id))",
                headers: [
                    ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"), ("If-Match", etag),
                ],
                body: Data("{\"displayName\":\"Renamed Ltd\"}".utf8))
            #expect(patched.status == 200)
            #expect(patched.object["displayName"] as? String == "Renamed Ltd")
            let stale = try await client.send(
                "PATCH", "\(base)/customers(\(id))",
                headers: [
                    ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"), ("If-Match", etag),
                ],
                body: Data("{\"displayName\":\"Again\"}".utf8))
            #expect(stale.status == 412)
            let deleted = try await client.send(
                "DELETE", "\(base)/customers(\(id))",
                headers: [("Authorization", "Bearer \(token)"), ("If-Match", "*")])
            #expect(deleted.status == 204)
        }
    }

    @Test func throttlingAnswers429WithRetryAfter() async throws {
        try await withSandbox(SandboxOptions(businessCentralRateLimit: 2)) { client in
            let token = try await Self.token(client)
            let url = "/business-central/v2.0/Production/api/v2.0/companies"
            #expect(try await client.get(url, token: token).status == 200)
            #expect(try await client.get(url, token: token).status == 200)
            let refused = try await client.get(url, token: token)
            #expect(refused.status == 429)
            #expect(Int(refused.headers["retry-after"] ?? "") ?? 0 >= 1)
            #expect((refused.object["error"] as? [String: Any])?["code"] as? String == "Application_TooManyRequests")
        }
    }
}

/// The Business Central client-credentials scope.
enum BusinessCentralScope {
    static let value = "https://api.businesscentral.dynamics.com/.default"
}
