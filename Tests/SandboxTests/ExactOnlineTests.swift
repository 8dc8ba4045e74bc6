import Foundation
import Sandbox
import Testing

/// Exact Online's OAuth flow, envelope, paging, query options, rate-limit headers and errors, over real HTTP.
@Suite struct ExactOnlineTests {
    /// Logs in through the authorize and token endpoints; returns the token response.
    static func login(_ client: SandboxClient) async throws -> [String: Any] {
        let login = try await client.authorizationCodeLogin(
            app: SandboxCredentials.exactOnline, authorizePath: "/exact-online/api/oauth2/auth",
            tokenPath: "/exact-online/api/oauth2/token")
        #expect(login.redirect.first { $0.name == "state" }?.value == "xyz")
        return login.tokens
    }

    @Test func oauthFlowIssuesStringExpiryAndRotatesRefreshTokens() async throws {
        try await withSandbox { client in
            let app = SandboxCredentials.exactOnline
            let tokens = try await Self.login(client)
            #expect(tokens["expires_in"] as? String == "600")
            #expect(tokens["token_type"] as? String == "bearer")
            let refresh = try #require(tokens["refresh_token"] as? String)
            let early = try await client.postForm(
                "/exact-online/api/oauth2/token",
                [
                    ("client_id", app.clientID), ("client_secret", app.clientSecret), ("grant_type", "refresh_token"),
                    ("refresh_token", refresh),
                ])
            #expect(early.status == 401)
            #expect(early.text.contains("Access token not expired"))
            #expect(try await client.send("POST", "/_sandbox/tokens/expire").status == 200)
            let access = try #require(tokens["access_token"] as? String)
            #expect(try await client.get("/exact-online/api/v1/current/Me", token: access).status == 401)
            // Basic authentication of the client works as well as form fields.
            let basic = Data("\(app.clientID):\(app.clientSecret)".utf8).base64EncodedString()
            let refreshed = try await client.postForm(
                "/exact-online/api/oauth2/token", [("grant_type", "refresh_token"), ("refresh_token", refresh)],
                headers: [("Authorization", "Basic \(basic)")])
            #expect(refreshed.status == 200)
            #expect(refreshed.object["refresh_token"] as? String != refresh)
            let reused = try await client.postForm(
                "/exact-online/api/oauth2/token",
                [
                    ("client_id", app.clientID), ("client_secret", app.clientSecret), ("grant_type", "refresh_token"),
                    ("refresh_token", refresh),
                ])
            #expect(reused.status == 400)
            #expect(reused.object["error"] as? String == "invalid_grant")
            let wrongClient = try await client.send(
                "GET", "/exact-online/api/oauth2/auth?client_id=nobody&redirect_uri=http://x&response_type=code")
            #expect(wrongClient.status == 400)
            let wrongRedirect = try await client.send(
                "GET",
                "/exact-online/api/oauth2/auth?client_id=\(app.clientID)&redirect_uri=http://evil.example/&response_type=code"
            )
            #expect(wrongRedirect.status == 400)
            // A loopback redirect may name another port (RFC 8252, 7.3), but not another path or host.
            let otherPort = try await client.send(
                "GET",
                "/exact-online/api/oauth2/auth?client_id=\(app.clientID)&redirect_uri=http://localhost:48123/exact/callback&response_type=code"
            )
            #expect(otherPort.status == 302, "\(otherPort.status)")
            let otherPath = try await client.send(
                "GET",
                "/exact-online/api/oauth2/auth?client_id=\(app.clientID)&redirect_uri=http://localhost:48123/other&response_type=code"
            )
            #expect(otherPath.status == 400)
        }
    }

    @Test func accountsPageBy60WithSkipTokenAndMetadata() async throws {
        try await withSandbox { client in
            let token = try #require(try await Self.login(client)["access_token"] as? String)
            var url = "/exact-online/api/v1/123456/crm/Accounts?$select=ID,Code,Name"
            var names: [String] = []
            var pages = 0
            for _ in 0..<10 {
                let page = try await client.get(url, token: token)
                #expect(page.status == 200)
                #expect(page.object.keys.sorted() == ["d"])
                let d = try #require(page.object["d"] as? [String: Any])
                let results = try #require(d["results"] as? [[String: Any]])
                pages += 1
                if let first = results.first {
                    #expect(Set(first.keys) == ["__metadata", "ID", "Code", "Name"])
                    let metadata = first["__metadata"] as? [String: Any]
                    #expect(metadata?["type"] as? String == "Exact.Web.Api.Models.Account")
                    #expect(
                        (metadata?["uri"] as? String)?.hasPrefix(
                            client.server.exactOnlineURL + "/api/v1/123456/crm/Accounts(guid'") == true)
                }
                names += results.compactMap { $0["Name"] as? String }
                guard let next = d["__next"] as? String else { break }
                #expect(results.count == 60)
                #expect(next.contains("$skiptoken=guid'"))
                url = next
            }
            #expect(pages == 5)
            #expect(names.count == 261)
            #expect(names.prefix(2) == ["Acme BV", "Globex BV"])
        }
    }

    @Test func filterSelectTopAndPaddedCodes() async throws {
        try await withSandbox { client in
            let token = try #require(try await Self.login(client)["access_token"] as? String)
            func results(_ query: String) async throws -> [[String: Any]] {
                let response = try await client.get("/exact-online/api/v1/123456/\(query)", token: token)
                return ((response.object["d"] as? [String: Any])?["results"] as? [[String: Any]]) ?? []
            }
            let padded = try await results(
                "crm/Accounts?$filter=Code%20eq%20'%20%20%20%20%20%20%20%20%20%20%20%20%20%201001'")
            #expect(padded.map { $0["Name"] as? String } == ["Acme BV"])
            #expect((padded.first?["Code"] as? String)?.count == 18)
            let trimmed = try await results(
                "crm/Accounts?$filter=trim(Code)+eq+'1002'+or+trim(Code)+eq+'1003'&$select=Name")
            #expect(trimmed.compactMap { $0["Name"] as? String } == ["Globex BV", "Initech BV"])
            let none = try await results("crm/Accounts?$select=ID&$filter=Name+eq+'DOES_NOT_EXIST'")
            #expect(none.isEmpty)
            let top = try await client.get("/exact-online/api/v1/123456/logistics/Items?$top=5", token: token)
            let topD = top.object["d"] as? [String: Any]
            #expect((topD?["results"] as? [Any])?.count == 5)
            #expect(topD?["__next"] == nil)
            let groups = try await results("logistics/ItemGroups?$filter=Code eq '100' and Description eq 'Hardware'")
            #expect(groups.count == 1)
            let groupID = try #require(groups.first?["ID"] as? String)
            let items = try await results(
                "logistics/Items?$filter=ItemGroup eq guid'\(groupID)'&$select=Code,ItemGroupCode")
            #expect(!items.isEmpty && items.allSatisfy { $0["ItemGroupCode"] as? String == "100" })
            let vat = try await results("vat/VATCodes?$select=Code,Percentage")
            #expect(vat.compactMap { $0["Code"] as? String } == ["0  ", "1  ", "2  "])
            #expect(vat.last?["Percentage"] as? Double == 0.21)
            let gl = try await results("financial/GLAccounts")
            #expect(gl.compactMap { $0["Code"] as? String } == ["8000", "8010", "7000", "4000"])
            #expect((gl.first?["Created"] as? String)?.hasPrefix("/Date(") == true)
            let byKey = try await client.get(
                "/exact-online/api/v1/123456/logistics/ItemGroups(guid'\(groupID)')", token: token)
            #expect((byKey.object["d"] as? [String: Any])?["Code"] as? String == "100")
            let count = try await client.get("/exact-online/api/v1/123456/crm/Accounts/$count", token: token)
            #expect(count.text == "261")
            let divisions = try await results("hrm/Divisions?$select=Code,Description")
            #expect(divisions.compactMap { $0["Code"] as? Int } == [123456, 234567])
            let me = try await client.get("/exact-online/api/v1/current/Me?$select=CurrentDivision", token: token)
            let meResults = (me.object["d"] as? [String: Any])?["results"] as? [[String: Any]]
            #expect(meResults?.first?["CurrentDivision"] as? Int == 123456)
        }
    }

    @Test func errorsUseExactsBody() async throws {
        try await withSandbox { client in
            let token = try #require(try await Self.login(client)["access_token"] as? String)
            let unknown = try await client.get(
                "/exact-online/api/v1/123456/crm/Accounts?$filter=Nope eq 1", token: token)
            #expect(unknown.status == 400)
            let message =
                ((unknown.object["error"] as? [String: Any])?["message"] as? [String: Any])?["value"] as? String
            #expect(message?.contains("Nope") == true)
            #expect(try await client.get("/exact-online/api/v1/999/crm/Accounts", token: token).status == 403)
            #expect(try await client.get("/exact-online/api/v1/123456/crm/Nothing", token: token).status == 404)
            #expect(try await client.get("/exact-online/api/v1/123456/crm/Accounts", token: nil).status == 401)
        }
    }

    @Test func rateLimitHeadersAndMinutelyLimit() async throws {
        // Half a minute into a clock minute that only the test moves, so no boundary passes between the calls.
        let time = MovableTime(start: Date(timeIntervalSince1970: 1_800_000_030))
        let options = SandboxOptions(exactRateLimit: ExactRateLimit(minutely: 3, daily: 5), clock: time.clock)
        try await withSandbox(options) { client in
            let token = try #require(try await Self.login(client)["access_token"] as? String)
            let first = try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token)
            #expect(first.headers["x-ratelimit-limit"] == "5")
            #expect(first.headers["x-ratelimit-remaining"] == "4")
            #expect(first.headers["x-ratelimit-minutely-limit"] == "3")
            #expect(first.headers["x-ratelimit-minutely-remaining"] == "2")
            #expect(first.headers["x-ratelimit-minutely-reset"] == "1800000060000")
            #expect(Int(first.headers["x-ratelimit-reset"] ?? "") == 1_800_057_600_000)
            _ = try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token)
            _ = try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token)
            let refused = try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token)
            #expect(refused.status == 429)
            #expect(refused.headers["x-ratelimit-minutely-remaining"] == "0")
            #expect(refused.object["error"] != nil)
            // The next minute opens a new window, until the day's budget is spent; the next day opens a new one.
            time.advance(seconds: 30)
            let nextMinute = try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token)
            #expect(nextMinute.status == 200)
            #expect(nextMinute.headers["x-ratelimit-minutely-remaining"] == "2")
            _ = try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token)
            #expect(try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token).status == 429)
            // Another division has its own counter.
            #expect(try await client.get("/exact-online/api/v1/234567/vat/VATCodes", token: token).status == 200)
            // A day later the 600 s token is long dead, and a new login finds a new day's budget.
            time.advance(seconds: 86_400)
            #expect(try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: token).status == 401)
            let fresh = try #require(try await Self.login(client)["access_token"] as? String)
            #expect(try await client.get("/exact-online/api/v1/123456/vat/VATCodes", token: fresh).status == 200)
        }
    }

    @Test func thirdPartyPythonClientWorksUnchanged() async throws {
        try await withSandbox { client in
            let app = SandboxCredentials.exactOnline
            let report = try await ThirdPartyClient.report(
                script: "exactonline_client.py",
                arguments: [
                    client.server.exactOnlineURL, client.server.baseURL, app.clientID, app.clientSecret,
                    app.redirectURI,
                ],
                package: "exactonline==0.4.0")
            #expect(report["expires_in_ok"] as? Bool == true)
            #expect(report["early_refresh"] as? Int == 401)
            #expect(
                report["divisions"] as? [String: String] == ["123456": "Acme Nederland BV", "234567": "Acme België BV"])
            #expect(report["current_division"] as? Int == 123456)
            #expect(report["account_count"] as? Int == 261)
            #expect((report["first_account"] as? [String: Any])?["Name"] as? String == "Acme BV")
            #expect(report["account_1002"] as? String == "Globex BV")
            let groups = report["item_groups"] as? [[String]]
            #expect(groups?.map { $0[0] } == ["100", "200", "300", "400"])
            #expect((report["vat_codes"] as? [[Any]])?.count == 3)
            #expect(report["vat_2"] as? Double == 0.21)
            #expect(report["gl_accounts"] as? [String] == ["4000", "7000", "8000", "8010"])
            #expect(report["after_refresh_divisions"] as? Int == 2)
            #expect(report["token_rotated"] as? Bool == true)
            #expect(report["old_refresh"] as? Int == 400)
        }
    }
}
