import Foundation
import Testing

/// The committed JSON Schema, checked by a JSON Schema validator nobody here wrote (Python's jsonschema).
@Suite struct SchemaFileTests {
    @Test func examplesValidateAgainstTheSchemaAndBrokenFilesDoNot() async throws {
        let script = """
            import glob, json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1] + "/schemas/haloform.schema.json"))
            validator = jsonschema.Draft202012Validator(schema)
            jsonschema.Draft202012Validator.check_schema(schema)
            files = sorted(glob.glob(sys.argv[1] + "/examples/**/*.yaml", recursive=True))
            assert len(files) >= 7, files
            for name in files:
                validator.validate(yaml.safe_load(open(name)))
            broken = [
                {"exact_online": {"tenants": [{"name": "x", "location": "mars", "division": 1, "client_id": "a", "client_secret": "${env:S}"}]}},
                {"exact_online": {"tenants": [{"name": "x", "location": "nl", "divison": 1, "client_id": "a", "client_secret": "${env:S}"}]}},
                {"exact_online": {"tenants": [{"name": "x", "location": "nl", "division": 1, "client_id": "a", "client_secret": "literal"}]}},
                {"business_central": {"tenants": [{"name": "x", "tax_rates": {}}]}},
                {"halo": {"url": 3}},
            ]
            for document in broken:
                assert not validator.is_valid(document), document
            print("ok", len(files))
            """
        let run = try await HaloformBinary.runPython(["-c", script, HaloformBinary.packageRoot.path])
        #expect(run.status == 0, "jsonschema and PyYAML (Tests/python installs them): \(run)")
        #expect(run.stdout.hasPrefix("ok "))
    }
}
