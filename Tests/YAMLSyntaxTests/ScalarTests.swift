import Testing
import YAMLSyntax

/// Scalars keep their text unresolved and the style they were written in.
@Suite struct ScalarTests {
    @Test func quotesMakeAString() throws {
        let root = try #require(try Sample.root("plain: 3\ndouble: \"3\"\nsingle: '3'\n"))
        #expect(root["plain"]?.scalar == YAMLScalar("3", style: .plain))
        #expect(root["double"]?.scalar == YAMLScalar("3", style: .doubleQuoted))
        #expect(root["single"]?.scalar == YAMLScalar("3", style: .singleQuoted))
        #expect(root["plain"]?.kindDescription == "an integer")
        #expect(root["double"]?.kindDescription == "a string")
    }

    @Test func blockScalarsKeepTheirStyle() throws {
        let root = try #require(try Sample.root("literal: |\n  one\n  two\nfolded: >\n  one\n  two\n"))
        #expect(root["literal"]?.scalar == YAMLScalar("one\ntwo\n", style: .literal))
        #expect(root["folded"]?.scalar == YAMLScalar("one two\n", style: .folded))
    }

    @Test func kindsAsTheCoreSchemaWouldResolveThem() throws {
        let root = try #require(try Sample.root("a: ~\nb:\nc: true\nd: 1.5\ne: Acme BV\nf: [x]\ng: {x: 1}\n"))
        #expect(
            root.mapping?.map(\.value.kindDescription) == [
                "null", "null", "a boolean", "a number", "a string", "a sequence", "a mapping",
            ])
        #expect(root["a"]?.scalar?.isNull == true)
        #expect(root["e"]?.scalar?.isNull == false)
    }

    @Test func explicitTagsAreKept() throws {
        let root = try #require(try Sample.root("code: !!str 1001\nlocal: !custom x\nplain: 1\n"))
        #expect(root["code"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["local"]?.tag == "!custom")
        #expect(root["plain"]?.tag == nil)
    }

    @Test func escapedNULBytesSurvive() throws {
        let root = try #require(try Sample.root("a: \"x\\0y\"\nb: \"\\x00\"\n"))
        #expect(root["a"]?.text == "x\u{0}y")
        #expect(root["a"]?.text?.utf8.count == 3)
        #expect(root["b"]?.text == "\u{0}")
    }

    @Test func badEscapeIsLocated() {
        #expect(
            Sample.error("a: \"x\\qy\"\n") == """
                t.yaml:1:6: error: found unknown escape character
                t.yaml:1:4: note: while parsing a quoted scalar
                """)
    }
}
