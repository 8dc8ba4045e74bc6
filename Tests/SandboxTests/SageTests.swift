import Foundation
import Sandbox
import Testing

/// Sage's OAuth flow, businesses, X-Business, the envelope, attributes, filters and errors.
@Suite struct SageTests {
    /// Logs in through the authorize and token endpoints.
    static func login(_ client: SandboxClient) async throws -> [String: Any] {
        let login = try await client.authorizationCodeLogin(
            app: SandboxCredentials.sage, authorizePath: "/sage/oauth2/auth/central", tokenPath: "/sage/token",
            extraQuery: "&filter=apiv3.1&scope=full_access")
        #expect(login.redirect.first { $0.name == "country" }?.value == "GB")
        return login.tokens
    }

    @Test func tokensLast300SecondsAndRefreshTokensRotate() async throws {
        try await withSandbox { client in
            let app = SandboxCredentials.sage
            let tokens = try await Self.login(client)
            #expect(tokens["expires_in"] as? Int == 300)
            #expect(tokens["refresh_token_expires_in"] as? Int == 2_678_400)
            let refresh = try #require(tokens["refresh_token"] as? String)
            let form = [
                ("client_id", app.clientID), ("client_secret", app.clientSecret), ("grant_type", "refresh_token"),
                ("refresh_token", refresh),
            ]
            let refreshed = try await client.postForm("/sage/token", form)
            #expect(refreshed.status == 200)
            #expect(refreshed.object["refresh_token"] as? String != refresh)
            let reused = try await client.postForm("/sage/token", form)
            #expect(reused.status == 400)
            #expect(reused.object["error"] as? String == "invalid_grant")
        }
    }

    @Test func envelopePagingAttributesAndBusinesses() async throws {
        try await withSandbox { client in
            let token = try #require(try await Self.login(client)["access_token"] as? String)
            let businesses = try await client.get("/sage/v3.1/businesses", token: token)
            let items = businesses.object["$items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["displayed_as"] as? String } == ["Acme Ltd", "Acme Services Ltd"])
            let second = try #require(items.last?["id"] as? String)

            let first = try await client.get("/sage/v3.1/contacts?contact_type_id=CUSTOMER", token: token)
            #expect(first.object["$total"] as? Int == 200)
            #expect(first.object["$itemsPerPage"] as? Int == 20)
            #expect(first.object["$page"] as? Int == 1)
            #expect(first.object["$back"] is NSNull)
            let next = try #require(first.object["$next"] as? String)
            #expect(next.hasPrefix("/contacts?page=2&items_per_page=20"))
            let firstItem = try #require((first.object["$items"] as? [[String: Any]])?.first)
            #expect(Set(firstItem.keys) == ["id", "displayed_as", "$path"])
            #expect(firstItem["displayed_as"] as? String == "Acme BV (ACME001)")

            var references: [String] = []
            var url = "/sage/v3.1/contacts?contact_type_id=CUSTOMER&items_per_page=200&attributes=all"
            for _ in 0..<5 {
                let page = try await client.get(url, token: token)
                references += (page.object["$items"] as? [[String: Any]] ?? []).compactMap {
                    $0["reference"] as? String
                }
                guard let next = page.object["$next"] as? String else { break }
                url = "/sage/v3.1" + next
            }
            #expect(references.count == 200)
            #expect(references.prefix(2) == ["ACME001", "GLOBEX001"])
            #expect(references.contains("CUST0011"))

            let other = try await client.get(
                "/sage/v3.1/contacts?contact_type_id=CUSTOMER", token: token, headers: [("X-Business", second)])
            #expect(other.object["$total"] as? Int == 60)
            let vendors = try await client.get("/sage/v3.1/contacts?contact_type_id=VENDOR", token: token)
            #expect(vendors.object["$total"] as? Int == 10)
            let named = try await client.get(
                "/sage/v3.1/contacts?search=globex&attributes=name,reference", token: token)
            let globex = (named.object["$items"] as? [[String: Any]])?.first
            #expect(globex?["reference"] as? String == "GLOBEX001")
            #expect(globex?["email"] == nil)
        }
    }

    @Test func referenceDataCollections() async throws {
        try await withSandbox { client in
            let token = try #require(try await Self.login(client)["access_token"] as? String)
            func ids(_ path: String) async throws -> [String] {
                let page = try await client.get("/sage/v3.1/\(path)", token: token)
                return (page.object["$items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            }
            #expect(try await ids("catalog_item_types") == ["STOCK_ITEM", "NON_STOCK_ITEM", "SERVICE"])
            #expect(try await ids("tax_rates") == ["GB_STANDARD", "GB_REDUCED", "GB_ZERO", "GB_EXEMPT"])
            let ledgers = try await client.get("/sage/v3.1/ledger_accounts?attributes=nominal_code", token: token)
            #expect(
                (ledgers.object["$items"] as? [[String: Any]])?.compactMap { $0["nominal_code"] as? Int } == [
                    4000, 4900, 5000,
                ])
            let products = try await client.get("/sage/v3.1/products?attributes=all", token: token)
            #expect(products.object["$total"] as? Int == 24)
            let services = try await client.get("/sage/v3.1/services?attributes=item_code", token: token)
            #expect((services.object["$items"] as? [[String: Any]])?.first?["item_code"] as? String == "SERVICE")
            let rateID = "GB_STANDARD"
            let rate = try await client.get("/sage/v3.1/tax_rates/\(rateID)", token: token)
            #expect(rate.object["percentage"] as? String == "20.0")
        }
    }

    @Test func errorsAreArraysWith422ForInvalidInput() async throws {
        try await withSandbox { client in
            let token = try #require(try await Self.login(client)["access_token"] as? String)
            let tooMany = try await client.get("/sage/v3.1/contacts?items_per_page=201", token: token)
            #expect(tooMany.status == 422)
            let error = (tooMany.array as? [[String: Any]])?.first
            #expect(error?["$severity"] as? String == "error")
            #expect(error?["$source"] as? String == "items_per_page")
            #expect(try await client.get("/sage/v3.1/contacts", token: nil).status == 401)
            #expect(try await client.get("/sage/v3.1/contacts/nope", token: token).status == 404)
            let invalid = try await client.sendJSON(
                "POST", "/sage/v3.1/contacts", ["contact": ["reference": "X1"]], token: token)
            #expect(invalid.status == 422)
            let created = try await client.sendJSON(
                "POST", "/sage/v3.1/contacts",
                ["contact": ["name": "New Ltd", "reference": "NEW001", "contact_type_ids": ["CUSTOMER"]]], token: token)
            #expect(created.status == 201)
            #expect(created.object["displayed_as"] as? String == "New Ltd (NEW001)")
            let pastEnd = try await client.get("/sage/v3.1/tax_rates?page=9", token: token)
            #expect(pastEnd.object["$page"] as? Int == 1)
        }
    }
}
