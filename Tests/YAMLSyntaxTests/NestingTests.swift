import Testing
import YAMLSyntax

/// Nesting is bounded, so a hostile file is a located error rather than an exhausted stack.
@Suite struct NestingTests {
    /// `count` flow sequences nested in one another around `inner`.
    static func nested(_ count: Int, around inner: String = "") -> String {
        String(repeating: "[", count: count) + inner + String(repeating: "]", count: count)
    }

    @Test func nestingAtTheLimitReads() throws {
        var node = try #require(try Sample.root(Self.nested(YAMLReader.nestingLimit, around: "x")))
        var depth = 1
        while let inner = node.sequence?.first {
            node = inner
            depth += 1
        }
        #expect(depth == YAMLReader.nestingLimit + 1)
    }

    @Test func nestingPastTheLimitIsLocated() {
        #expect(
            Sample.error(Self.nested(YAMLReader.nestingLimit + 1)) == """
                t.yaml:1:257: error: collections nest deeper than 256 levels
                """)
    }

    @Test func hugeNestingIsLocatedNotACrash() {
        #expect(
            Sample.error(String(repeating: "[{a: ", count: 200_000)) == """
                t.yaml:1:641: error: collections nest deeper than 256 levels
                """)
    }

    @Test func aliasesCannotChainPastTheLimit() {
        let text = "a: &a \(Self.nested(200, around: "x"))\nb: \(Self.nested(100, around: "*a"))\n"
        #expect(
            Sample.error(text) == """
                t.yaml:2:104: error: collections nest deeper than 256 levels
                t.yaml:1:4: note: '&a' is anchored here
                """)
    }
}
