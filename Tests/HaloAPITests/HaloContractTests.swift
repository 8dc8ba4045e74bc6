import Foundation
import HaloformCore
import Sandbox
import Testing

/// Every Halo field haloform writes or reads, and every field the sandbox stores, against Halo's published API
/// document: the field exists on its path's schema with a compatible type, or it is one of the listed assumptions.
@Suite struct HaloContractTests {
    let document: HaloDocument

    init() throws {
        document = try HaloDocument()
    }

    /// What is wrong with a field haloform touches on `path`, or nil when the document shows it.
    func mismatch(_ path: String, _ field: String, _ type: String) -> String? {
        guard let schema = document.postSchema(path) else { return "\(path) takes no POST body in Halo's document" }
        guard let declared = document.property(schema, field) else {
            return "\(path) (\(schema)) has no field '\(field)'"
        }
        return declared.type == type
            ? nil : "\(path) (\(schema)).\(field) is \(declared.type) in Halo's document, not \(type)"
    }

    @Test func everyRecordFieldIsInHalosDocument() {
        var problems: [String] = []
        for record in HaloContract.records {
            if let endpoint = record.endpoint, document.postSchema(endpoint) != record.schema {
                problems.append("\(endpoint) takes \(document.postSchema(endpoint) ?? "nothing"), not \(record.schema)")
            }
            for field in record.fieldTable {
                guard let declared = document.property(record.schema, field.name) else {
                    let assumed = HaloContract.assumptions.contains {
                        $0.endpoint == record.endpoint && $0.field == field.name
                    }
                    if !assumed { problems.append("\(record.schema) has no field '\(field.name)'") }
                    continue
                }
                if declared.type != field.type.rawValue {
                    problems.append("\(record.schema).\(field.name) is \(declared.type), not \(field.type.rawValue)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyTenantFieldIsOnItsDetailsRecord() {
        var problems: [String] = []
        var checked = 0
        for integration in Integration.allCases {
            for field in TenantField.allCases {
                guard let name = field.haloField(integration) else { continue }
                checked += 1
                if let problem = mismatch("/" + integration.detailsCollection.path, name, field.type.rawValue) {
                    problems.append(problem)
                }
            }
        }
        #expect(checked >= 40)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Sage's app choice: the 2024-09 document has only `sbcdnewmethod` (boolean); the 2025-09 edition keeps it
    /// with the same type in the same place and appends `app_type` (int32, values undocumented) after
    /// `item_group_mappings`; models generated from Halo's document in 2025-04 (Angelic-Software/angelic) have
    /// `sbcdnewmethod` and no `app_type`. Nothing says `app_type` replaces `sbcdnewmethod`, and its values are not
    /// given, so haloform writes the documented boolean and no guessed integer (docs/halo-fields.md).
    @Test func sageAppChoiceIsTheBooleanBothEditionsDocument() throws {
        let boolean = try #require(document.property("SageBusinessCloudDetails", "sbcdnewmethod"))
        #expect(boolean.type == "boolean" && boolean.edition == 2024)
        let integer = try #require(document.property("SageBusinessCloudDetails", "app_type"))
        #expect(integer.type == "integer" && integer.edition == 2025)
        let written = TenantField.allCases.compactMap { $0.haloField(.sageBusinessCloud) }
        #expect(written.contains("sbcdnewmethod"))
        #expect(!written.contains("app_type"))
        let path = "/" + Integration.sageBusinessCloud.detailsCollection.path
        let stored = try #require(SandboxHaloFields.byEndpoint[path])
        #expect(stored["sbcdnewmethod"] != nil && stored["app_type"] == nil)
    }

    @Test func theIssuesMismatchesAreGone() {
        let written = Integration.allCases.flatMap { integration in
            TenantField.allCases.compactMap { $0.haloField(integration) }
        }
        #expect(!written.contains("import_tax_rates_daily"))
        #expect(!written.contains("tenantid"))
        #expect(TenantField.dailyTaxImport.haloField(.exactOnline) == "do_daily_tax_import")
        #expect(TenantField.dailyTaxImport.haloField(.sageBusinessCloud) == "do_daily_tax_import")
        #expect(!ItemField.allCases.map(\.rawValue).contains("inactive"))
        #expect(
            document.property("Item", "inactive") == nil, "the document would let the doctor judge products inactive")
    }

    @Test func pagedListsUseHalosQueryParameters() {
        for collection in HaloCollection.allCases where collection.pagedListKey != nil {
            let documented = document.getParameters("/" + collection.path)
            let sent = HaloCollection.pageQuery(number: 1, size: 50).map(\.name)
            #expect(
                Set(sent).isSubset(of: documented),
                "/\(collection.path) does not take \(Set(sent).subtracting(documented))")
        }
    }

    @Test func theErrorLogIsReadWithHalosQueryParameters() {
        let documented = document.getParameters("/IntegrationError")
        let sent = IntegrationErrorField.pageQuery(number: 1, size: 50).map(\.name)
        #expect(sent == ["pageinate", "page_size", "page_no", "order", "orderdesc"])
        #expect(
            Set(sent).isSubset(of: documented), "/IntegrationError does not take \(Set(sent).subtracting(documented))")
        #expect(!documented.contains("includeinactive"), "the log has no inactive records to include")
    }

    @Test func theConnectionStateIsReadFromTheDocumentsFields() {
        #expect(TenantField.authorized.haloField(.exactOnline) == "isauthorized")
        #expect(TenantField.tokenExpiry.haloField(.sageBusinessCloud) == "tokenexpiry")
        #expect(TenantField.authorized.haloField(.businessCentral) == "authorized")
        #expect(TenantField.tokenExpiry.haloField(.businessCentral) == "token_expiry")
        for integration in Integration.allCases {
            let path = "/" + integration.detailsCollection.path
            #expect(mismatch(path, TenantField.authorized.haloField(integration)!, "boolean") == nil)
            #expect(mismatch(path, TenantField.tokenExpiry.haloField(integration)!, "string") == nil)
        }
    }

    @Test func theAssumptionsAreShortAndTrue() {
        print("Halo fields haloform relies on without evidence in Halo's document (\(HaloContract.assumptions.count)):")
        for assumption in HaloContract.assumptions {
            print("  \(assumption.endpoint) \(assumption.field): \(assumption.reason)")
            let schema = document.postSchema(assumption.endpoint)
            #expect(
                schema.flatMap { document.property($0, assumption.field) } == nil,
                "the document has \(assumption.endpoint) \(assumption.field): drop the assumption")
            #expect(
                !document.declaresResponses(assumption.endpoint),
                "the document now declares \(assumption.endpoint)'s answer: check it")
        }
        #expect(HaloContract.assumptions.count <= 10)
        for collection in HaloCollection.allCases {
            guard let key = collection.pagedListKey else { continue }
            for field in ["record_count", key] {
                #expect(
                    HaloContract.assumptions.contains { $0.endpoint == "/" + collection.path && $0.field == field },
                    "/\(collection.path) is read through '\(field)', which is neither in the document nor an assumption"
                )
            }
        }
    }

    @Test func theSandboxStoresOnlyHalosFields() {
        var problems: [String] = []
        let table = SandboxHaloFields.byEndpoint
        #expect(table.count >= 13)
        for (path, fields) in table.sorted(by: { $0.key < $1.key }) {
            for (field, type) in fields.sorted(by: { $0.key < $1.key }) {
                if let problem = mismatch(path, field, type) { problems.append(problem) }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func docsNameEveryField() throws {
        let docs = try String(
            contentsOf: HaloDocument.url.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs/halo-fields.md"), encoding: .utf8)
        var names = Set(HaloContract.records.flatMap { $0.fieldTable.map(\.name) })
        for integration in Integration.allCases {
            names.formUnion(TenantField.allCases.compactMap { $0.haloField(integration) })
        }
        names.formUnion(HaloContract.assumptions.map(\.field))
        let missing = names.filter { !docs.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "docs/halo-fields.md does not name \(missing)")
    }
}
