import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func examplesAreValid() async throws {
        for example in ["acme", "minimal", "msp/acme-halo", "msp/sister-halo"] {
            let run = try await HaloformBinary.run(["validate", "examples/\(example)"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.hasPrefix("examples/\(example): valid ("))
            #expect(run.stderr == "")
        }
    }

    @Test func acmeSharesAProductGroupBetweenTwoTenantsAndValidates() async throws {
        // Two Exact divisions importing into Hardware is normal: no error, and no warning either.
        let folder = HaloformBinary.packageRoot.appendingPathComponent("examples/acme/exact-online")
        for tenant in ["exact-nl", "exact-be"] {
            let text = try String(contentsOf: folder.appendingPathComponent("\(tenant).yaml"), encoding: .utf8)
            #expect(text.contains("- { exact: \"100\", halo: Hardware }"), "\(tenant) maps item group 100 to Hardware")
        }
        let run = try await HaloformBinary.run(["validate", "--strict", "examples/acme"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr == "")
    }

    @Test func errorsAreLocatedAndExitOne() async throws {
        let root = try HaloformBinary.tempRoot(["bad.yaml": "halo:\n  url: \"sandbox:s.json\"\n  colour: blue\n"])
        let run = try await HaloformBinary.run(["validate", root.path])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr == """
                \(root.path)/bad.yaml:3:3: error: unknown key 'colour'
                  colour: blue
                  ^~~~~~
                note: 'halo' takes: url, client_id, client_secret, tenant
                1 error, 0 warnings

                """)
        #expect(!run.stderr.contains("\u{1B}["), "NO_COLOR and no terminal: no colour")
    }

    @Test func warningsPassUnlessStrict() async throws {
        let text =
            "halo: { url: \"sandbox:s.json\" }\nexact_online:\n  enabled: false\n  tenants:\n    - { name: a, location: nl, division: 1, client_id: x, client_secret: \"${env:S}\" }\n"
        let root = try HaloformBinary.tempRoot(["w.yaml": text])
        let lenient = try await HaloformBinary.run(["validate", root.path])
        #expect(lenient.status == 0, "\(lenient)")
        #expect(lenient.stderr.contains("warning: exact_online is disabled"))
        let strict = try await HaloformBinary.run(["validate", "--strict", root.path])
        #expect(strict.status == 1)
    }

    @Test func jsonFormatForCI() async throws {
        let root = try HaloformBinary.tempRoot(["bad.yaml": "halo:\n  url: \"sandbox:s.json\"\n  colour: blue\n"])
        let run = try await HaloformBinary.run(["validate", "--format", "json", root.path])
        #expect(run.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(document?["errors"] as? Int == 1)
        let first = (document?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["file"] as? String == "\(root.path)/bad.yaml")
        #expect(first?["line"] as? Int == 3)
        #expect(first?["column"] as? Int == 3)
        #expect(first?["severity"] as? String == "error")
    }

    @Test func badArgumentsExit64() async throws {
        let run = try await HaloformBinary.run(["validate", "--format", "xml", "examples/acme"])
        #expect(run.status == 64, "\(run)")
    }

    @Test func missingRootIsAnError() async throws {
        let run = try await HaloformBinary.run(["validate", "no/such/folder"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("config root 'no/such/folder' does not exist"))
    }

    @Test func hiddenFilesAreSkipped() async throws {
        let root = try HaloformBinary.tempRoot([
            "ok.yaml": "halo: { url: \"sandbox:s.json\" }\n", ".hidden/bad.yaml": "{{{{", ".bad.yml": "[[[",
        ])
        let run = try await HaloformBinary.run(["validate", root.path])
        #expect(run.status == 0, "\(run)")
    }

    @Test func schemaCommandPrintsTheCommittedSchema() async throws {
        let run = try await HaloformBinary.run(["schema"])
        #expect(run.status == 0)
        let committed = try String(
            contentsOf: HaloformBinary.packageRoot.appendingPathComponent("schemas/haloform.schema.json"),
            encoding: .utf8)
        #expect(run.stdout == committed)
    }

    @Test func referenceDocumentIsTheGeneratorsOutput() async throws {
        let run = try await HaloformBinary.run(["schema", "--format", "markdown"])
        #expect(run.status == 0)
        let committed = try String(
            contentsOf: HaloformBinary.packageRoot.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        #expect(run.stdout == committed, "regenerate with: haloform schema --format markdown > docs/configuration.md")
        for key in [
            "### `exact_online.tenants[].division`",
            "### `business_central.tenants[].sync.line_numbers.group_increment`",
            "### `sage_business_cloud.tenants[].customers.mappings[].sage`",
        ] {
            #expect(run.stdout.contains(key))
        }
    }
}
