import Foundation
import Sandbox
import Testing

/// PyPI's bc-cli (import `bcli`), unchanged but for its base URLs, against the Business Central emulator.
@Suite struct BusinessCentralThirdPartyClientTests {
    @Test func bcCliReadsCompaniesPagedCustomersAndItemsUnchanged() async throws {
        try await withSandbox { client in
            let app = SandboxCredentials.businessCentral
            let report = try await ThirdPartyClient.report(
                script: "bccli_client.py",
                arguments: [
                    client.server.businessCentralURL, SandboxCredentials.businessCentralTenant, app.clientID,
                    app.clientSecret,
                ],
                package: "bc-cli==0.8.2")
            #expect(report["token_type"] as? String == "Bearer")
            #expect(report["expires_in"] as? Int == 3599)
            #expect(report["auth"] as? String == "ClientCredentialsAuth")
            #expect(report["connected"] as? Bool == true)
            #expect(report["companies"] as? [String] == ["CRONUS NL", "CRONUS UK"])
            #expect(report["customer_pages"] as? [Int] == [50, 50, 50, 50])
            #expect(report["customer_count"] as? Int == 200)
            #expect(report["customers_distinct"] as? Int == 200)
            #expect(report["first_customers"] as? [String] == ["10000", "10010", "10020"])
            #expect(report["customer_10000"] as? [String] == ["Acme BV"])
            #expect(report["customers_top_7"] as? Int == 7)
            #expect(report["item_categories"] as? [String] == ["CHAIR", "DESK", "FURNITURE", "SERVICE", "SUPPLIERS"])
            let chairs = report["chair_items"] as? [String] ?? []
            #expect(chairs.first == "1900-S" && chairs.count == 10)
            #expect(report["item_count"] as? Int == 18)
            #expect(report["first_item"] as? String == "1896-S")
            #expect(report["item_by_id"] as? String == "1896-S")
            #expect(report["missing_customer"] as? Int == 404)
            #expect(report["missing_customer_explained"] as? Bool == true)
        }
    }
}
