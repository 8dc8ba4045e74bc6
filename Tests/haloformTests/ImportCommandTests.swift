import Foundation
import Testing

/// `haloform import` end to end: what it writes validates and plans to no changes against the Halo it came from.
@Suite(.serialized) struct ImportCommandTests {
    /// A config root holding only a `halo:` block over a fresh sandbox state file.
    static func haloOnlyRoot() async throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("haloform-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "halo:\n  url: sandbox:.haloform/sandbox.json\n".write(
            to: root.appendingPathComponent("halo.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    /// Expects `root` to validate and to plan to no changes.
    static func expectConverged(_ root: URL, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let validate = try await HaloformBinary.run(["validate", root.path])
        #expect(validate.status == 0, "\(validate)", sourceLocation: sourceLocation)
        let plan = try await HaloformBinary.run(["plan", "--detailed-exitcode", root.path])
        #expect(plan.status == 0, "\(plan)", sourceLocation: sourceLocation)
        #expect(plan.stdout.contains("No changes."), sourceLocation: sourceLocation)
    }

    @Test func seedImportsIntoItsOwnRootAndPlansToNoChanges() async throws {
        let root = try await Self.haloOnlyRoot()
        let run = try await HaloformBinary.run(["import", root.path])
        #expect(run.status == 0, "\(run)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(
            names == [
                "billing.yaml", "business-central.yaml", "exact-online.yaml", "halo.yaml", "sage-business-cloud.yaml",
            ])
        #expect(
            try String(contentsOf: root.appendingPathComponent("billing.yaml"), encoding: .utf8) == """
                # yaml-language-server: $schema=haloform.schema.json
                billing:
                  auto_generate_accounts_id:
                    customers: false
                    products: false

                """)
        #expect(
            try String(contentsOf: root.appendingPathComponent("exact-online.yaml"), encoding: .utf8) == """
                # yaml-language-server: $schema=haloform.schema.json
                exact_online:
                  enabled: false
                  default_invoice_status: open

                """)
        try await Self.expectConverged(root)

        let again = try await HaloformBinary.run(["import", root.path])
        #expect(again.status == 1)
        #expect(
            again.stderr.contains("already declares 'exact_online'; import into an empty folder with --out"), "\(again)"
        )
    }

    @Test func existingFilesAreRefusedUnlessForced() async throws {
        let root = try await Self.haloOnlyRoot()
        let out = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-imported")
        #expect(try await HaloformBinary.run(["import", "--out", out.path, root.path]).status == 0)
        let refused = try await HaloformBinary.run(["import", "--out", out.path, root.path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "'\(out.path)/halo.yaml', '\(out.path)/billing.yaml', '\(out.path)/exact-online.yaml', '\(out.path)/business-central.yaml', '\(out.path)/sage-business-cloud.yaml', '\(out.path)/haloform.schema.json' already exist; pass --force to overwrite"
            ), "\(refused)")
        #expect(try await HaloformBinary.run(["import", "--force", "--out", out.path, root.path]).status == 0)
    }

    @Test func appliedExampleAndAPIEditsImportToNoChanges() async throws {
        let acme = try HaloformBinary.copyExample("acme")
        let applied = try await HaloformBinary.run(["apply", "--auto-approve", "."], in: acme)
        #expect(applied.status == 0, "\(applied)")

        // A round of edits made by hand through Halo's API: a second customer named "Acme BV" takes over Acme BV's
        // Exact mapping, a tax link goes, a tenant gets a name YAML must quote, defaults and switches change.
        var twinID = 0
        try await HaloEditor.edit(stateOf: acme) { halo in
            let twin = try await halo.post("Client", [["name": "Acme BV", "toplevel_id": 1]])
            twinID = try #require(twin["id"] as? Int)
            var exact = try await halo.get("ExactDetails")
            let nl = try #require(exact.firstIndex { $0["name"] as? String == "exact-nl" })
            var links = try #require(exact[nl]["client_mappings"] as? [[String: Any]])
            let acmeLink = try #require(links.firstIndex { $0["halo_id"] as? Int == 1 })
            links[acmeLink]["halo_id"] = twinID
            links[acmeLink]["halo_desc"] = "Acme BV"
            _ = try await halo.post("ExactDetails", [["id": exact[nl]["id"]!, "client_mappings": links]])
            exact = try await halo.get("ExactDetails")
            let be = try #require(exact.first { $0["name"] as? String == "exact-be" })
            _ = try await halo.post(
                "ExactDetails",
                [
                    [
                        "id": be["id"]!, "name": "Exact BE: #2", "syncentities": "customers,products,invoices",
                        "showmessage": false,
                    ]
                ])
            let taxes = try await halo.get("Tax")
            let zero = try #require(taxes.first { $0["name"] as? String == "BTW geen 0%" })
            _ = try await halo.post("Tax", [["id": zero["id"]!, "exact_division": NSNull(), "exacttaxcode": NSNull()]])
            _ = try await halo.post("Control", [["id": 1, "exact_default_invoice_status": 50]])
            let features = try await halo.get("Features")
            let sage = try #require(features.first { $0["module_name"] as? String == "Sage Business Cloud" })
            _ = try await halo.post("Features", [["id": sage["id"]!, "enabled": false]])
        }

        let out = acme.deletingLastPathComponent().appendingPathComponent(acme.lastPathComponent + "-imported")
        let run = try await HaloformBinary.run(
            ["import", "--out", out.path, "."], in: acme, environment: PlanApplyTests.secrets)
        #expect(run.status == 0, "\(run)")
        try await Self.expectConverged(out)

        #expect(
            try String(contentsOf: out.appendingPathComponent("halo.yaml"), encoding: .utf8) == """
                # yaml-language-server: $schema=haloform.schema.json
                halo:
                  url: sandbox:../\(acme.lastPathComponent)/.haloform/sandbox.json

                """)
        let exactText = try String(contentsOf: out.appendingPathComponent("exact-online.yaml"), encoding: .utf8)
        #expect(exactText.contains("  default_invoice_status: processed\n"))
        #expect(exactText.contains("    - name: \"Exact BE: #2\"\n"), "\(exactText)")
        #expect(exactText.contains("      client_secret: ${env:EXACT_BE_2_CLIENT_SECRET}\n"), "\(exactText)")
        #expect(
            exactText.contains(
                "          - { halo_id: \(twinID), exact: \"1001\" }  # 'Acme BV' names 2 Halo customers (ids 1, \(twinID))\n"
            ), "\(exactText)")
        #expect(!exactText.contains("BTW geen 0%"))
        // Both divisions' accounts on Hardware come back under their own tenants; the billing settings beside them.
        #expect(
            exactText.contains(
                "          - { halo: Hardware, income: \"8000\", expense: \"7000\", tax: BTW hoog 21% }\n"),
            "\(exactText)")
        #expect(
            exactText.contains("          - { halo: Hardware, income: \"8010\", expense: \"4000\" }\n"), "\(exactText)")
        let billing = try String(contentsOf: out.appendingPathComponent("billing.yaml"), encoding: .utf8)
        #expect(billing.contains("    customers: true\n    products: true\n"), "\(billing)")
        let sageText = try String(contentsOf: out.appendingPathComponent("sage-business-cloud.yaml"), encoding: .utf8)
        #expect(sageText.contains("  enabled: false\n"))
        // Halo keeps no Sage business: import writes the first its catalog login reaches, and says so.
        #expect(sageText.contains("      business: Acme Ltd\n"), "\(sageText)")
        #expect(
            run.stderr.contains(
                "the catalog login reaches 'Acme Ltd', 'Acme Services Ltd'; wrote 'Acme Ltd', the first listed"),
            "\(run)")
        // Each file names the schema written beside it, which is the one `haloform schema` prints.
        let schema = try String(contentsOf: out.appendingPathComponent("haloform.schema.json"), encoding: .utf8)
        #expect(schema == (try await HaloformBinary.run(["schema"])).stdout)
        for file in try FileManager.default.contentsOfDirectory(atPath: out.path) where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=haloform.schema.json\n"), "\(file)")
            for secret in PlanApplyTests.secrets.values { #expect(!text.contains(secret), "\(file) holds a secret") }
        }
    }
}
