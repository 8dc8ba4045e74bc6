import Testing
import YAMLSyntax

/// A key set twice in one mapping: reported at the second occurrence, with a note at the first.
@Suite struct DuplicateKeyTests {
    @Test func duplicateKeyPointsAtBothOccurrences() {
        #expect(
            Sample.error("name: exact-nl\nlocation: nl\nname: exact-be\n") == """
                t.yaml:3:1: error: duplicate key 'name'
                t.yaml:1:1: note: 'name' is first set here
                """)
    }

    @Test func quotedAndPlainSpellingsAreTheSameKey() {
        #expect(
            Sample.error("tenants:\n  - { name: a, \"name\": b }\n") == """
                t.yaml:2:16: error: duplicate key 'name'
                t.yaml:2:7: note: 'name' is first set here
                """)
    }

    @Test func duplicateInALargeMappingIsFoundThroughTheIndex() {
        let keys = (1...40).map { "key\($0): \($0)" }.joined(separator: "\n")
        #expect(
            Sample.error(keys + "\nkey7: again\n") == """
                t.yaml:41:1: error: duplicate key 'key7'
                t.yaml:7:1: note: 'key7' is first set here
                """)
    }

    @Test func sameKeyInSiblingMappingsReads() throws {
        let root = try #require(try Sample.root("- { halo: Acme BV, exact: \"1\" }\n- { halo: Beta, exact: \"2\" }\n"))
        #expect(root.sequence?.map { $0.keys } == [["halo", "exact"], ["halo", "exact"]])
    }

    @Test func manyDistinctKeysRead() throws {
        let keys = (1...40).map { "key\($0): \($0)" }.joined(separator: "\n")
        let root = try #require(try Sample.root(keys))
        #expect(root.keys.count == 40)
        #expect(root["key33"]?.text == "33")
    }
}
