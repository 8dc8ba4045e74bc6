import Testing
import YAMLSyntax

/// Tabs where YAML wants indentation, whichever way libyaml words the problem.
@Suite struct TabTests {
    /// Tab-indented inputs and where each tab is.
    static let tabbed: [(input: String, at: String)] = [
        ("halo:\n\turl: x\n", "t.yaml:2:1"),  // indenting a key
        ("halo:\n  url: x\n  \tclient_id: y\n", "t.yaml:3:3"),  // after spaces
        ("a: 1\n\tb: 2\n", "t.yaml:2:1"),  // a continuation line
        ("notes: |\n\tline\n", "t.yaml:2:1"),  // a block scalar
    ]

    @Test(arguments: tabbed)
    func tabUsedAsIndentationIsLocated(input: String, at location: String) {
        #expect(Sample.error(input) == "\(location): error: a tab cannot indent YAML; use spaces")
    }

    @Test func tabsBetweenTokensRead() throws {
        let root = try #require(try Sample.root("entities:\t[customers,\tproducts]\t# synced\n"))
        #expect(root["entities"]?.sequence?.map(\.text) == ["customers", "products"])
    }
}
