@testable import HaloformCore
import Testing

/// `SuggestWriter`: proposals inserted as lines after a list's last entry, everything else left as written.
struct SuggestWriterTests {
    static let head = """
        exact_online:
          tenants:
            - name: exact-nl
              location: nl
              division: 1
              client_id: c
              client_secret: ${env:S}
              customers:
                top_level: &nl Customers NL   # an anchor stays
                mappings:
                  # the first one
        """

    /// The file with a proposal for Brouwer & Zonen written into its customer mappings.
    static func written(_ entries: String, tail: String) throws -> String {
        let file = SourceFile(path: "nl.yaml", text: head + "\n" + entries + tail)
        let halo = SourceFile(path: "halo.yaml", text: "halo: { url: \"sandbox:s.json\" }\n")
        let loaded = ConfigLoader.load([halo, file])
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        let tenant = try #require(loaded.config.integrations[.exactOnline]?.tenants.first)
        let list = try #require(tenant.customers)
        let proposal = MappingProposal(
            halo: "Brouwer & Zonen", code: "2002", codeName: "Brouwer en Zn.",
            evidence: [Evidence(.emailDomain, "brouwerzonen.nl", weight: 80)], confidence: 80)
        let report = SuggestReport(lists: [
            TenantSuggestions(
                tenant: tenant.key, list: .customers, range: list.range, listIsWritten: true,
                items: list.mappings.map(\.range), proposals: [proposal], conflicts: [])
        ])
        let files = try SuggestWriter.write(report, into: [file]).get()
        return String(decoding: try #require(files.first).bytes, as: UTF8.self)
    }

    static let added = """
                  - { halo: Brouwer & Zonen, exact: "2002" }  # suggest: same e-mail domain (brouwerzonen.nl); \
        confidence 0.80; Brouwer en Zn.
        """

    @Test func afterAFlowEntryWithItsComment() throws {
        let entries = """
                      - halo: Acme BV    # block form
                        exact: "1001"
                      - { halo: Globex BV, exact: "1002" }  # flow entry
            """
        let tail = "\n\n        prune: false\n"
        #expect(try Self.written(entries, tail: tail) == Self.head + "\n" + entries + "\n" + Self.added + tail)
    }

    @Test func afterABlockEntryBeforeTheNextKey() throws {
        let entries = """
                      - { halo: Globex BV, exact: "1002" }
                      - halo: Acme BV
                        exact: "1001"
            """
        let tail = "\n        prune: false\n"
        #expect(try Self.written(entries, tail: tail) == Self.head + "\n" + entries + "\n" + Self.added + tail)
    }
}
