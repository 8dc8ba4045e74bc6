@testable import HaloformCore
import Testing

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    @Test("ties go to the name that sorts first, whatever the candidates' order")
    func tiesBreakByName() {
        let candidates = ["Hardwarf", "Hardware", "Hardwary"]
        for order in [candidates, candidates.reversed(), ["Hardwary", "Hardware", "Hardwarf"]] {
            #expect(Suggestion.nearest(to: "Hardwar", among: order) == "Hardware")
        }
    }

    @Test("the nearest candidate wins over an earlier, farther one")
    func nearestWins() {
        #expect(Suggestion.nearest(to: "divison", among: ["decision", "division"]) == "division")
        #expect(Suggestion.phrase(for: "locaton", among: ["location", "name"]) == " (did you mean 'location'?)")
    }

    @Test("nothing is suggested when no candidate is near")
    func farCandidatesAreNotSuggested() {
        #expect(Suggestion.nearest(to: "tenants", among: ["catalog", "sync"]) == nil)
        #expect(Suggestion.phrase(for: "xyz", among: [String]()) == "")
    }

    @Test("a dictionary's keys give the same suggestion in any order, all of them searched (not the first 50,000)")
    func dictionaryKeysAreSearchedWhole() {
        var names = (0..<60_000).map { "Customer \($0)" }
        names.append("Globex BV")
        let byName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        #expect(Suggestion.nearest(to: "Globex B.V.", among: byName.keys) == "Globex BV")
        #expect(Suggestion.nearest(to: "Globex B.V.", among: names.shuffled()) == "Globex BV")
        // "Customer 1000" and "Customer 10000" to "Customer 10009" are all one edit away: the first in sort order wins.
        #expect(Suggestion.nearest(to: "Customer 1000x", among: byName.keys) == "Customer 1000")
    }

    @Test("the bounded distance agrees with the whole one")
    func distance() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("same", "same") == 0)
    }
}
