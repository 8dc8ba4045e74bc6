import Testing
import YAMLSyntax

/// Anchors, aliases and `<<` merge keys, expanded as YAML users expect and bounded against alias bombs.
@Suite struct AliasTests {
    @Test func aliasExpandsToTheAnchoredNode() throws {
        let root = try #require(
            try Sample.root(
                """
                nl: &defaults { top_level: Customers, prune: false }
                be: *defaults
                """))
        #expect(root["be"]?.keys == ["top_level", "prune"])
        #expect(root["be"]?["prune"]?.text == "false")
        #expect(root["be"]?.range.span == "t.yaml:1:5-1:53")
    }

    @Test func mergeKeyBringsInTheAnchoredPairsAndExplicitKeysWin() throws {
        let root = try #require(
            try Sample.root(
                """
                base: &base { default_group: Services, import_daily: true }
                nl:
                  <<: *base
                  default_group: Hardware
                  division: 123456
                """))
        let nl = try #require(root["nl"])
        #expect(nl.keys == ["default_group", "division", "import_daily"])
        #expect(nl["default_group"]?.text == "Hardware")
        #expect(nl["import_daily"]?.text == "true")
    }

    @Test func mergeOfASequenceLetsEarlierMappingsWin() throws {
        let root = try #require(
            try Sample.root(
                """
                a: &a { x: from-a }
                b: &b { x: from-b, y: from-b }
                c: { <<: [*a, *b], z: own }
                """))
        #expect(root["c"]?.keys == ["z", "x", "y"])
        #expect(root["c"]?["x"]?.text == "from-a")
    }

    @Test func mergeOfAScalarIsAnError() {
        #expect(
            Sample.error("a: &a 1\nb: { <<: *a }\n") == """
                t.yaml:1:4: error: a '<<' merge takes a mapping or a sequence of mappings, found an integer
                """)
    }

    @Test func mergeOfASequenceOfScalarsIsAnError() {
        #expect(
            Sample.error("a: &a { x: 1 }\nb: { <<: [*a, 2] }\n") == """
                t.yaml:2:15: error: a '<<' merge takes mappings, found an integer
                """)
    }

    @Test func undefinedAliasIsLocated() {
        #expect(
            Sample.error("nl: { prune: false }\nbe: *defaults\n") == """
                t.yaml:2:5: error: unknown alias '*defaults'; no anchor '&defaults' comes before it
                """)
    }

    @Test func aliasBeforeItsAnchorIsUndefined() {
        #expect(
            Sample.error("be: *nl\nnl: &nl { prune: false }\n") == """
                t.yaml:1:5: error: unknown alias '*nl'; no anchor '&nl' comes before it
                """)
    }

    @Test func aliasInsideItsOwnAnchorIsUndefined() {
        #expect(
            Sample.error("loop: &loop [*loop]\n") == """
                t.yaml:1:14: error: unknown alias '*loop'; no anchor '&loop' comes before it
                """)
    }

    @Test func billionLaughsIsALocatedErrorQuickly() throws {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let error = Sample.error(lines.joined(separator: "\n") + "\n")
        // Nine levels would be 9^9 nodes; counting from cached sizes stops at the limit at once.
        #expect(clock.now - start < .seconds(5))
        #expect(
            error == """
                t.yaml:7:8: error: aliases expand to more than 1000000 nodes; refusing what looks like an alias bomb
                t.yaml:6:4: note: '&f' is anchored here
                """)
    }

    @Test func aliasesUnderTheLimitExpand() throws {
        let root = try #require(
            try Sample.root(
                """
                a: &a [x, x, x]
                b: &b [*a, *a, *a]
                c: [*b, *b]
                """))
        #expect(root["c"]?.sequence?.count == 2)
        #expect(root["c"]?.nodeCount == 1 + 2 * (1 + 3 * 4))
    }
}
