import Testing
import YAMLSyntax

/// What a file holds as a whole: one document, or none.
@Suite struct DocumentTests {
    @Test func secondDocumentIsAnError() {
        #expect(
            Sample.error("halo:\n  url: x\n---\nexact_online: {}\n") == """
                t.yaml:3:1: error: a configuration file holds one YAML document; this is a second one
                t.yaml:1:1: note: the first document starts here
                """)
    }

    @Test func secondExplicitDocumentNotesTheFirstMarker() {
        #expect(
            Sample.error("--- a\n--- b\n") == """
                t.yaml:2:1: error: a configuration file holds one YAML document; this is a second one
                t.yaml:1:1: note: the first document starts here
                """)
    }

    @Test func contentAfterAnEndMarkerIsAnError() {
        #expect(
            Sample.error("a: 1\n...\nb: 2\n") == """
                t.yaml:3:1: error: found more content after the end of the document
                """)
    }

    @Test func oneExplicitDocumentReads() throws {
        let root = try #require(try Sample.root("---\nhalo: {}\n...\n"))
        #expect(root.keys == ["halo"])
    }

    @Test func emptyFileReadsAsNil() throws {
        #expect(try Sample.root("") == nil)
        #expect(try YAMLReader.read([UInt8](), file: "t.yaml") == nil)
        #expect(try YAMLReader.read([0xEF, 0xBB, 0xBF], file: "t.yaml") == nil)
    }

    @Test func commentOnlyFileReadsAsNil() throws {
        #expect(
            try Sample.root("# yaml-language-server: $schema=../schemas/haloform.schema.json\n\n   # nothing yet\n")
                == nil)
    }

    @Test func explicitNullDocumentReadsAsNil() throws {
        #expect(try Sample.root("---\n") == nil)
        #expect(try Sample.root("~\n") == nil)
    }

    @Test func taggedOrQuotedEmptyDocumentIsANode() throws {
        #expect(try Sample.root("\"\"\n")?.scalar == YAMLScalar("", style: .doubleQuoted))
        #expect(try Sample.root("!!str\n")?.tag == "tag:yaml.org,2002:str")
    }
}
