@testable import AccountingAPIs
import Foundation
import Testing

@Suite("Catalog fields as text")
struct CatalogEntriesTests {
    @Test(
        "trimming takes what Foundation's whitespace trimming takes",
        arguments: [
            "      1001", "1001", " Acme\t", "\u{00A0}NBSP\u{00A0}", "\u{3000}全角\u{3000}", "a b", "   ", "",
            "\u{200B}x",
        ])
    func trimmedAsFoundation(_ text: String) {
        #expect(CatalogEntries.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
    }
}
