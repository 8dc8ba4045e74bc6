import JSONText
import Testing

/// The digest fingerprints are made of: the same for equal values, different for every difference a test could name.
@Suite struct StableDigestTests {
    @Test func anObjectsMemberOrderDoesNotMatter() {
        let members: [(String, JSONValue)] = (0..<20).map { ("key\($0)", .int($0)) }
        let forward = JSONValue.object(JSONObject(uniqueKeysWithValues: members))
        let backward = JSONValue.object(JSONObject(uniqueKeysWithValues: members.reversed()))
        #expect(forward.stableDigest == backward.stableDigest)
    }

    @Test func differentValuesHaveDifferentDigests() {
        let values: [JSONValue] = [
            .null, false, true, 0, 1, -1, .double(1), .double(1.5), "", "1", "a", "ab", "b",
            [1, 2], [2, 1], [[1], 2], [1, [2]], ["ab", "c"], ["a", "bc"], [], [.null],
            ["a": "b"], ["b": "a"], ["a": 1, "b": 2], ["a": 2, "b": 1], ["a": ["b": 1]], ["ab": 1], [:],
        ]
        let digests = values.map(\.stableDigest)
        #expect(Set(digests).count == values.count, "\(zip(values, digests).map { "\($0.0): \($0.1)" })")
    }

    @Test func theDigestIsTheSameInEveryProcess() {
        // Fixed here because a saved plan's fingerprint is checked by another process, perhaps on another machine:
        // a digest from Swift's seeded Hasher would differ on each run.
        #expect(JSONValue.object(["id": 7, "name": "nl"]).stableDigest == 539_137_512_611_815_213)
    }
}
