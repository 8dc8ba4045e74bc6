import JSONCases
import JSONText
import Testing

@Suite("JSONReader: the clients' and the core's JSON reader")
struct JSONReaderTests {
    @Test("every case of the table the sandbox's parser passes too", arguments: try JSONCase.all())
    func sharedTable(_ row: JSONCase) {
        #expect((try? JSONReader.read(row.input))?.canonicalText == row.value)
    }

    @Test(
        "what the writer writes reads back as the same value", arguments: try JSONCase.all().filter { $0.value != nil })
    func writtenTextReadsBack(_ row: JSONCase) throws {
        let value = try JSONReader.read(row.input)
        #expect(try JSONReader.read(value.canonicalBytes) == value)
    }

    @Test("a failure names the byte where reading stopped")
    func failureOffset() {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.read(Array("[1,]".utf8)) }
        do {
            _ = try JSONReader.read(Array(#"{"a": tru}"#.utf8))
            Issue.record("a cut-short literal was read")
        } catch {
            #expect(error.offset == 6)
            #expect(error.description == "invalid JSON at byte 6: invalid literal")
        }
    }
}
