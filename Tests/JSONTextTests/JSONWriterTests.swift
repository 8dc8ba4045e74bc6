import JSONText
import Testing

@Suite("JSONWriter: canonical and indented JSON text")
struct JSONWriterTests {
    let document: JSONValue = [
        "name": "Acme \"BV\"\n", "ids": [1, 2], "empty": [], "none": [:], "rate": .double(20.5), "gone": nil,
        "nested": ["on": true],
    ]

    @Test("compact text sorts keys and has no spaces")
    func compact() {
        #expect(
            document.canonicalText
                == #"{"empty":[],"gone":null,"ids":[1,2],"name":"Acme \"BV\"\n","nested":{"on":true},"none":{},"rate":20.5}"#
        )
    }

    @Test("indented text: two spaces a level, empty containers on one line, no final newline")
    func pretty() {
        let expected = """
            {
              "empty": [],
              "gone": null,
              "ids": [
                1,
                2
              ],
              "name": "Acme \\"BV\\"\\n",
              "nested": {
                "on": true
              },
              "none": {},
              "rate": 20.5
            }
            """
        #expect(JSONWriter.pretty(document) == expected)
        #expect(JSONWriter.pretty(.string("x")) == #""x""#)
    }

    @Test("control characters are escaped, other text is written as UTF-8")
    func escapes() {
        #expect(JSONValue.string("\u{1}\t\u{1F}é😀").canonicalText == "\"\\u0001\\t\\u001fé😀\"")
    }

    @Test("infinity and NaN, which JSON cannot hold, are written as null")
    func nonFinite() {
        #expect(JSONValue.array([.double(.infinity), .double(.nan)]).canonicalText == "[null,null]")
    }
}
