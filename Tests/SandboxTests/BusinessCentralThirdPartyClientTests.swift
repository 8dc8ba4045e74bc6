import Foundation
import Sandbox
import Testing

/// PyPI's bc-cli (import `bcli`), unchanged but for its base URLs, against the Business Central emulator.
@Suite struct BusinessCentralThirdPartyClientTests {
    @Test func bcCliReadsCompaniesPagedCustomersAndItemsUnchanged() async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("bccli_client.py").path
        try await withSandbox { client in
            let app = SandboxCredentials.businessCentral
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", script, client.server.businessCentralURL, SandboxCredentials.businessCentralTenant, app.clientID, app.clientSecret,
            ]
            var environment = ProcessInfo.processInfo.environment
            for name in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] { environment[name] = nil }
            environment["no_proxy"] = "*"
            process.environment = environment
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
            if process.isRunning { process.terminate() }
            let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            try #require(
                process.terminationStatus == 0,
                "python3 with PyPI bc-cli==0.8.2 must be installed (.ci/run does it); the client failed:\n\(stderr)\(stdout)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
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
