import Testing
import YAMLSyntax

/// libyaml's syntax errors: located at the problem, with a note at the context libyaml names.
@Suite struct SyntaxErrorTests {
    /// Broken inputs and the whole error each gives.
    static let broken: [(input: String, error: String)] = [
        // An unclosed flow sequence: the error where input ends, the note at the `[`.
        (
            "replicas: [1, 2\n",
            """
            t.yaml:2:1: error: did not find expected ',' or ']'
            t.yaml:1:11: note: while parsing a flow sequence
            """
        ),
        (
            "customers:\n  - { halo: Acme BV, exact: \"1001\"\n  - { halo: Beta }\n",
            """
            t.yaml:3:3: error: did not find expected ',' or '}'
            t.yaml:2:5: note: while parsing a flow mapping
            """
        ),
        // A key indented one space less than its siblings.
        (
            "halo:\n  url: https://acme.halopsa.com\n client_id: x\n",
            """
            t.yaml:3:2: error: did not find expected key
            t.yaml:1:1: note: while parsing a block mapping
            """
        ),
        (
            "name: exact-nl\ncode: \"1001\nnext: 2\n",
            """
            t.yaml:4:1: error: found unexpected end of stream
            t.yaml:2:7: note: while scanning a quoted scalar
            """
        ),
        (
            "code: 'it''s\n",
            """
            t.yaml:2:1: error: found unexpected end of stream
            t.yaml:1:7: note: while scanning a quoted scalar
            """
        ),
        // Stray closing brackets: after a value, as a value, after the document.
        (
            "entities: [customers, products]]\n",
            """
            t.yaml:1:32: error: did not find expected key
            t.yaml:1:1: note: while parsing a block mapping
            """
        ),
        (
            "entities: ]\n",
            """
            t.yaml:1:11: error: did not find expected node content
            """
        ),
        (
            "{ halo: Acme BV }}\n",
            """
            t.yaml:1:18: error: found more content after the end of the document
            """
        ),
        (
            "name: @acme\n",
            """
            t.yaml:1:7: error: found character '@' that cannot start any token
            """
        ),
        (
            "name: exact: nl\n",
            """
            t.yaml:1:12: error: mapping values are not allowed in this context
            """
        ),
        (
            "a: !<x\n",
            """
            t.yaml:1:7: error: did not find the expected '>'
            t.yaml:1:4: note: while scanning a tag
            """
        ),
    ]

    @Test(arguments: broken)
    func brokenInputIsLocated(input: String, error: String) {
        #expect(Sample.error(input) == error)
    }

    @Test func closedFlowCollectionsRead() throws {
        let root = try #require(try Sample.root("replicas: [1, 2]\ncustomer: { halo: Acme BV, exact: \"1001\" }\n"))
        #expect(root["replicas"]?.sequence?.map(\.text) == ["1", "2"])
        #expect(root["customer"]?.keys == ["halo", "exact"])
    }

    @Test func consistentIndentationReads() throws {
        let root = try #require(try Sample.root("halo:\n  url: https://acme.halopsa.com\n  client_id: x\n"))
        #expect(root["halo"]?.keys == ["url", "client_id"])
    }

    @Test func terminatedQuotedScalarsRead() throws {
        let root = try #require(try Sample.root("code: \"1001\"\nname: 'it''s'\n"))
        #expect(root["code"]?.text == "1001")
        #expect(root["name"]?.text == "it's")
    }

    @Test func specialCharactersInsideScalarsRead() throws {
        let root = try #require(try Sample.root("name: acme@halo\nurl: https://x:8080/a\ntag: \"!<x\"\n"))
        #expect(root.mapping?.map(\.value.text) == ["acme@halo", "https://x:8080/a", "!<x"])
    }
}
