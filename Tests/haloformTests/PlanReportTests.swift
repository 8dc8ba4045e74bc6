import Foundation
import HaloformCore
import JSONText
import Testing

/// `plan --format html` opened in headless Chromium: what a reviewer sees once the page's script ran.
@Suite struct PlanReportTests {
    /// One group of changes as the DOM shows it.
    struct ShownGroup {
        var name: String
        var hidden: Bool
        var open: Bool
        var rows: Int
        var html: String
    }

    /// The change groups in a dumped DOM, in order.
    static func groups(in dom: String) -> [ShownGroup] {
        dom.components(separatedBy: "<details class=\"group\"").dropFirst().map { chunk in
            let tag = chunk.prefix { $0 != ">" }
            let name = chunk.components(separatedBy: "<code>").dropFirst().first?
                .components(separatedBy: "</code>").first
            return ShownGroup(
                name: name ?? "", hidden: tag.contains("hidden"), open: tag.contains("open"),
                rows: chunk.components(separatedBy: "<div class=\"change ").count - 1, html: chunk)
        }
    }

    /// The summary row of a group: its count per action, then all.
    static func counts(of name: String, in dom: String) -> [String] {
        guard
            let row = dom.components(separatedBy: "<code>\(name)</code></td>").dropFirst().first?
                .components(separatedBy: "</tr>").first
        else { return [] }
        return row.components(separatedBy: "<td class=\"n\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// Writes `html` to a temporary file and returns its `file:` URL.
    static func file(_ html: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("haloform-plan-\(UUID().uuidString).html")
        try html.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theAcmePlanShowsItsCountsFiltersAndNeverASecret() async throws {
        let root = try HaloformBinary.copyExample("acme")
        let planFile = root.appendingPathComponent("plan.json").path
        let run = try await HaloformBinary.run(
            ["plan", ".", "--format", "html", "--out", planFile], in: root, environment: PlanApplyTests.secrets)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(FileManager.default.fileExists(atPath: planFile), "--out saves the JSON plan beside the HTML")
        // Self-contained: nothing for the browser to fetch.
        for reference in ["src=", "href=", "@import", "url("] {
            #expect(!run.stdout.contains(reference), "\(reference)")
        }
        let page = try Self.file(run.stdout)

        let whole = try await HeadlessChromium.dom(of: page.absoluteString)
        #expect(whole.dom.contains("Plan: 33 to add, 7 to change, 0 to replace, 0 to destroy."))
        #expect(Self.counts(of: #"exact_online.tenant["exact-nl"]"#, in: whole.dom) == ["14", "0", "0", "0", "14"])
        #expect(Self.counts(of: "billing", in: whole.dom) == ["0", "1", "0", "0", "1"])
        let groups = Self.groups(in: whole.dom)
        #expect(groups.count == 9)
        #expect(groups.allSatisfy { !$0.hidden && $0.open }, "a small plan opens every group")
        #expect(groups.map(\.rows).reduce(0, +) == 40)
        let exactNL = try #require(groups.first { $0.name == #"exact_online.tenant["exact-nl"]"# })
        let masked = #"<span class="name">client_secret</span> = <span class="sensitive">(sensitive)</span>"#
        #expect(exactNL.html.contains(masked))
        #expect(exactNL.html.contains(#"<span class="address">customer_mapping["1004"]</span>"#))
        #expect(whole.dom.contains("Then, in Halo (apply cannot do these)"))
        #expect(whole.dom.contains("What apply will cost"))
        #expect(whole.dom.contains("40 changes"))

        let filtered = try await HeadlessChromium.dom(of: page.absoluteString + "#filter=exact-nl")
        #expect(filtered.dom.contains("15 of 40 changes match “exact-nl”"))
        let shown = Self.groups(in: filtered.dom).filter { !$0.hidden }
        #expect(shown.map(\.name) == ["exact_online", #"exact_online.tenant["exact-nl"]"#], "\(shown.map(\.name))")
        #expect(shown.map(\.rows) == [1, 14])
        #expect(filtered.dom.contains(#"<input type="search" id="filter""#))
        #expect(!filtered.dom.contains(#"<span class="address">business_central"#))

        for (text, what) in [(run.stdout, "the HTML"), (whole.dom, "the DOM"), (filtered.dom, "the filtered DOM")] {
            for secret in PlanApplyTests.secrets.values { #expect(!text.contains(secret), "a secret is in \(what)") }
        }
    }

    @Test func aScreenshotShowsConnectionsAndOldToNewValues() async throws {
        let (root, _, _) = try await HaloformBinary.appliedAcmeWithSavedEdit()
        let run = try await HaloformBinary.run(
            ["plan", ".", "--format", "html"], in: root, environment: PlanApplyTests.secrets)
        #expect(run.status == 0, "\(run)")
        let page = try Self.file(run.stdout)
        let dom = try await HeadlessChromium.dom(of: page.absoluteString).dom
        #expect(dom.contains("Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy."))
        #expect(dom.contains(#"<span class="old">"Hooli BV"</span> → <span class="new">"Wayne Ltd"</span>"#))
        #expect(dom.contains("Connections (only a person can fix these, in Halo)"))
        #expect(dom.contains(#"<code>exact_online.tenant["exact-be"]</code>: not connected in Halo"#))

        let png = try await HeadlessChromium.screenshot(of: page.absoluteString, width: 1_200, height: 900)
        let size = try #require(HeadlessChromium.dimensions(ofPNG: png), "not a PNG: \(png.prefix(16) as NSData)")
        #expect(size.width == 1_200 && size.height == 900, "\(size)")
        // A blank page of that size compresses to a few kilobytes; text, tables and colours do not.
        #expect(png.count > 20_000, "\(png.count) bytes")
    }

    /// The planner's plan of 100,000 mapping changes over 20 tenants of 5,000 accounts each, made in process as
    /// `haloform-bench planner` makes its: per tenant Halo links accounts 0 to 4499, the config maps 500 to 4999 with
    /// each pair of Halo clients swapped up to 4499, so 500 deletes, 4,000 updates and 500 creates. One Halo client's
    /// name tries to end the page's JSON script element.
    static func largePlan() throws -> Plan {
        var files = [SourceFile(path: "halo.yaml", text: "halo: { url: \"sandbox:s.json\" }\n")]
        var clients: [NamedRecord] = []
        var details: [JSONObject] = []
        var catalogs: [CatalogKey: Catalog] = [:]
        func client(_ tenant: Int, _ index: Int) -> String {
            tenant == 7 && index == 7 ? #"</script><b id="escaped">Client</b>"# : "Client \(tenant)-\(index)"
        }
        for tenant in 0..<20 {
            var text = """
                exact_online:
                  tenants:
                    - name: t\(tenant)
                      location: nl
                      division: \(tenant + 1)
                      client_id: c
                      client_secret: ${env:S}
                      customers:
                        mappings:

                """
            var links: [JSONValue] = []
            var accounts: [CatalogEntry] = []
            for index in 0..<5_000 {
                let id = tenant * 5_000 + index + 1, code = String(100_000 + index), guid = "guid-\(tenant)-\(index)"
                clients.append(NamedRecord(id: id, name: client(tenant, index)))
                accounts.append(CatalogEntry(id: guid, code: code, name: client(tenant, index)))
                if index < 4_500 {
                    links.append([
                        "id": .int(id), "table_id": 2, "halo_id": .int(id), "halo_desc": .string(client(tenant, index)),
                        "third_party_id": .string(guid), "third_party_desc": .string(code),
                    ])
                }
                if index >= 500 {
                    let halo = JSONValue.string(client(tenant, index < 4_500 ? index ^ 1 : index))
                    text +=
                        "          - { halo: \(String(decoding: JSONWriter.compact(halo), as: UTF8.self)), "
                        + "exact: \"\(code)\" }\n"
                }
            }
            files.append(SourceFile(path: "t\(tenant).yaml", text: text))
            details.append([
                "id": .int(tenant + 1), "name": .string("t\(tenant)"), "locale": "nl", "division": .int(tenant + 1),
                "client_id": "c", "client_mappings": .array(links),
            ])
            let company = CatalogEntry(id: String(tenant + 1), code: String(tenant + 1), name: "")
            catalogs[CatalogKey(.exactOnline, "t\(tenant)")] = Catalog(companies: [company], customers: accounts)
        }
        let remote = RemoteState(
            records: [.exactDetails: details, .features: [], .tax: []], control: ["id": 1], clients: clients,
            catalogs: catalogs)
        let loaded = ConfigLoader.load(files)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let environment = ConfigEnvironment(variables: [:], isSandbox: true)
        let result = Planner(config: loaded.config, remote: remote, environment: environment).plan()
        return try #require(result.plan, "\(result.diagnostics)")
    }

    @Test func aHundredThousandChangesOpenPagedAndFilter() async throws {
        let plan = try Self.largePlan()
        let clock = ContinuousClock()
        var html = ""
        let render = clock.measure { html = PlanHTMLRenderer().render(plan) }
        let page = try Self.file(html)

        let whole = try await HeadlessChromium.dom(of: page.absoluteString)
        let ready = whole.dom.components(separatedBy: "data-ready-ms=\"").dropFirst().first
            .flatMap { Int($0.prefix { $0.isNumber }) }
        print(
            """
            plan report of 100,000 changes: rendered in \(String(format: "%.2f", render.seconds)) s to \
            \(html.utf8.count / 1_000_000) MB; chromium opened it in \(String(format: "%.2f", whole.seconds)) s \
            (start to exit), its script ready \(ready.map { "\($0) ms" } ?? "never") after it started
            """)
        #expect(plan.changes.count == 100_000)
        #expect(whole.dom.contains("Plan: 10000 to add, 80000 to change, 0 to replace, 10000 to destroy."))
        #expect(Self.counts(of: #"exact_online.tenant["t3"]"#, in: whole.dom) == ["500", "4000", "0", "500", "5000"])
        let groups = Self.groups(in: whole.dom)
        #expect(groups.count == 20)
        #expect(groups.map(\.rows) == [200, 200] + Array(repeating: 0, count: 18), "paged in: \(groups.map(\.rows))")
        #expect(groups.prefix(2).allSatisfy(\.open) && groups.dropFirst(2).allSatisfy { !$0.open && !$0.hidden })
        #expect(groups[0].html.contains("Show 200 more (4800 not shown)"))
        let readyMilliseconds = try #require(ready, "the page's script did not finish")
        #expect(readyMilliseconds < 2_000, "the first page of rows took \(readyMilliseconds) ms")

        // The address of one change: its group and its code, quoted, so 1000070 and the like do not match.
        let filtered = try await HeadlessChromium.dom(of: page.absoluteString + "#filter=" + #"t7"]%20"100007""#)
        #expect(filtered.dom.contains("1 of 100000 changes match"))
        let shown = Self.groups(in: filtered.dom).filter { !$0.hidden }
        #expect(shown.map(\.name) == [#"exact_online.tenant["t7"]"#] && shown.map(\.rows) == [1])
        #expect(shown.first?.html.contains(#"<span class="address">customer_mapping["100007"]</span>"#) == true)
        // Shown as text, not as markup: the value did not break out of the JSON.
        #expect(shown.first?.html.contains(#"&lt;/script&gt;&lt;b id="escaped"&gt;Client&lt;/b&gt;"#) == true)
        #expect(!filtered.dom.contains(#"<b id="escaped">"#))
        #expect(!html.contains(#"</script><b id="escaped">"#))
    }
}
