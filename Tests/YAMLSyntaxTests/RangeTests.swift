import Testing
import YAMLSyntax

/// Node ranges: 1-based, collections spanning to their end, keys keeping their own.
@Suite struct RangeTests {
    @Test func blockMappingRangesAreOneBasedAndSpanTheirItems() throws {
        let root = try #require(try Sample.root("halo:\n  url: https://x\n  tenant: acme\n"))
        #expect(root.range.span == "t.yaml:1:1-3:15")
        let halo = try #require(root.mapping?.first)
        #expect(halo.key.range.span == "t.yaml:1:1-1:5")
        #expect(halo.value.range.span == "t.yaml:2:3-3:15")
        let tenant = try #require(halo.value.mapping?.last)
        #expect(tenant.key.range.span == "t.yaml:3:3-3:9")
        #expect(tenant.value.range.span == "t.yaml:3:11-3:15")
    }

    @Test func blockCollectionsEndAtTheirLastItemNotAtTheNextKey() throws {
        let root = try #require(try Sample.root("a:\n  b: 1\n\n# c\nd:\n  - x\n  - y\n\n# trailing\n"))
        #expect(root["a"]?.range.span == "t.yaml:2:3-2:7")
        #expect(root["d"]?.range.span == "t.yaml:6:3-7:6")
        #expect(root.range.span == "t.yaml:1:1-7:6")
    }

    @Test func flowCollectionsEndAfterTheirClosingBracket() throws {
        let root = try #require(
            try Sample.root("entities: [customers, products]   # synced\nmap: { halo: Acme BV, exact: \"1001\" }\n"))
        #expect(root["entities"]?.range.span == "t.yaml:1:11-1:32")
        #expect(root["map"]?.range.span == "t.yaml:2:6-2:38")
        let exact = try #require(root["map"]?.mapping?.last)
        #expect(exact.key.range.span == "t.yaml:2:23-2:28")
        #expect(exact.value.range.span == "t.yaml:2:30-2:36")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try #require(try Sample.root("naam: café ✓\nx: 1\n"))
        #expect(root["naam"]?.range.span == "t.yaml:1:7-1:13")
        #expect(root.mapping?.last?.key.range.span == "t.yaml:2:1-2:2")
    }

    @Test func nullValueIsLocatedAfterItsKey() throws {
        let root = try #require(try Sample.root("enabled:\nx: 1\n"))
        #expect(root["enabled"]?.range.span == "t.yaml:1:9-1:9")
    }

    @Test func rangesNameTheFile() throws {
        let root = try #require(try YAMLReader.read("a: 1\n", file: "configs/exact.yaml"))
        #expect(root["a"]?.range.description == "configs/exact.yaml:1:4")
    }
}
