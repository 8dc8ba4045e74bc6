import Testing
import YAMLSyntax

/// Bytes libyaml's reader refuses, located by their byte offset.
@Suite struct EncodingTests {
    @Test func invalidLeadingOctetIsLocatedByLineAndColumn() {
        let bytes = Array("name: exact-nl\ncode: ".utf8) + [0xFF] + Array("1001\n".utf8)
        #expect(
            Sample.error(bytes: bytes) == """
                t.yaml:2:7: error: the file is not valid UTF-8: invalid leading UTF-8 octet 0xFF
                """)
    }

    @Test func columnsAfterMultiByteCharactersCountScalars() {
        let bytes = Array("é: ü".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(
            Sample.error(bytes: bytes) == """
                t.yaml:1:6: error: the file is not valid UTF-8: invalid trailing UTF-8 octet 0x28
                """)
    }

    @Test func carriageReturnsBreakLinesAsLibYAMLBreaksThem() {
        let bytes = Array("a: 1\r\nb: 2\rc: ".utf8) + [0xFF]
        #expect(
            Sample.error(bytes: bytes) == """
                t.yaml:3:4: error: the file is not valid UTF-8: invalid leading UTF-8 octet 0xFF
                """)
    }

    @Test func truncatedSequenceAtTheEnd() {
        #expect(
            Sample.error(bytes: Array("name: caf".utf8) + [0xC3]) == """
                t.yaml:1:10: error: the file is not valid UTF-8: incomplete UTF-8 octet sequence
                """)
    }

    @Test func utf16IsNotUTF8() {
        #expect(
            Sample.error(bytes: [0xFF, 0xFE, 0x61, 0x00]) == """
                t.yaml:1:1: error: the file is not valid UTF-8: invalid leading UTF-8 octet 0xFF
                """)
    }

    @Test func controlCharacterIsNamed() {
        #expect(
            Sample.error("a: 1\nb: \u{7}\n") == """
                t.yaml:2:4: error: control character U+0007 is not allowed
                """)
    }

    @Test func rawNULByteIsAControlCharacter() {
        #expect(
            Sample.error(bytes: Array("a: \"x".utf8) + [0] + Array("y\"\n".utf8)) == """
                t.yaml:1:6: error: control character U+0000 is not allowed
                """)
    }

    @Test func validUTF8WithAByteOrderMarkReads() throws {
        let root = try #require(try YAMLReader.read([0xEF, 0xBB, 0xBF] + Array("naam: café ✓\n".utf8), file: "t.yaml"))
        #expect(root["naam"]?.text == "café ✓")
        #expect(root["naam"]?.range.description == "t.yaml:1:7")
    }
}
