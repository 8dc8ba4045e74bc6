import Testing

@testable import HaloformCore

/// The matching engine of `suggest`: normalised keys, each kind of evidence, counter-evidence and conflicts.
struct RecordMatcherTests {
    @Test func namesLoseCaseAccentsPunctuationAndLegalForms() {
        #expect(MatchKey.name("Café Noordzee B.V.") == "cafe noordzee")
        #expect(MatchKey.name("CAFE NOORDZEE bv") == "cafe noordzee")
        #expect(MatchKey.name("Müller & Söhne GmbH") == "muller and sohne")
        #expect(MatchKey.name("O'Brien Ltd.") == "obrien")
        #expect(MatchKey.name("Acme, Inc.") == "acme")
        #expect(MatchKey.name("Holding BV") == "holding bv", "a name that is only legal forms keeps them")
        #expect(MatchKey.number("nl 8123.45.678.b01") == "NL812345678B01")
        #expect(MatchKey.number(" ") == nil)
        #expect(MatchKey.domain("Facturen@BrouwerZonen.NL") == "brouwerzonen.nl")
        #expect(MatchKey.domain("someone@gmail.com") == nil)
        #expect(MatchKey.domain("no address") == nil)
    }

    @Test func eachKindOfEvidenceByName() {
        let matcher = RecordMatcher(candidates: [
            MatchRecord(key: "1", name: "Other Name", vatNumber: "NL812345678B01"),
            MatchRecord(key: "2", name: "Unrelated", registrationNumber: "30123456"),
            MatchRecord(key: "3", name: "Something Else", email: "admin@brouwer.nl"),
            MatchRecord(key: "4", name: "Cafe Noordzee"),
            MatchRecord(key: "5", name: "Dekker Bouwmaterialn"),
        ])
        let outcome = matcher.match([
            MatchRecord(key: "A", name: "A", vatNumber: "NL 8123.45.678.B01"),
            MatchRecord(key: "B", name: "B", registrationNumber: "30 12 34 56"),
            MatchRecord(key: "C", name: "C", email: "facturen@brouwer.nl"),
            MatchRecord(key: "D", name: "Café Noordzee B.V."),
            MatchRecord(key: "E", name: "Dekker Bouwmaterialen BV"),
        ])
        #expect(outcome.conflicts.isEmpty)
        #expect(outcome.matches.map { "\($0.record.key)→\($0.candidate.key)" } == ["A→1", "B→2", "C→3", "D→4", "E→5"])
        #expect(
            outcome.matches.map { $0.evidence.map(\.kind) } == [
                [.vatNumber], [.registrationNumber], [.emailDomain], [.sameName], [.nearName],
            ])
        #expect(outcome.matches.map(\.confidence) == [97, 95, 80, 85, 73])
        #expect(outcome.matches[0].evidence[0].description == "same VAT number (NL812345678B01)")
    }

    @Test func differingNumbersFreeMailAndNumberedNamesAreNoEvidence() {
        // Each pair: a record and the candidate it must not be proposed for.
        let pairs: [(MatchRecord, MatchRecord)] = [
            (
                MatchRecord(key: "A", name: "Jansen Installatie BV", vatNumber: "NL111111111B01"),
                MatchRecord(key: "1", name: "Jansen Installatie", vatNumber: "NL222222222B01")
            ),
            (
                MatchRecord(key: "B", name: "Jansen Logistiek", email: "j@gmail.com"),
                MatchRecord(key: "2", name: "Pieters", email: "p@gmail.com")
            ),
            (MatchRecord(key: "C", name: "Customer 0011"), MatchRecord(key: "3", name: "Customer 0012")),
            (MatchRecord(key: "D", name: "Bakker Software BV"), MatchRecord(key: "4", name: "Bakker Hardware BV")),
        ]
        let outcome = RecordMatcher(candidates: pairs.map(\.1)).match(pairs.map(\.0))
        #expect(outcome.matches.isEmpty)
        #expect(outcome.conflicts.isEmpty)
    }

    @Test func sharedMappedAndTiedCandidatesAreConflictsNeverProposals() {
        let matcher = RecordMatcher(candidates: [
            MatchRecord(key: "2006", name: "Smit Advies BV"),
            MatchRecord(key: "1001", name: "Acme BV", vatNumber: "NL001234567B01"),
            MatchRecord(key: "3001", name: "Twin"),
            MatchRecord(key: "3002", name: "Twin B.V."),
        ])
        let outcome = matcher.match(
            [
                MatchRecord(key: "Smit Advies", name: "Smit Advies"),
                MatchRecord(key: "Smit Advies B.V.", name: "Smit Advies B.V."),
                MatchRecord(key: "Acme Nederland", name: "Acme Nederland", vatNumber: "NL001234567B01"),
                MatchRecord(key: "Twin Ltd", name: "Twin Ltd"),
            ], mapped: ["1001": "Acme BV"])
        #expect(outcome.matches.isEmpty)
        #expect(outcome.conflicts.map(\.kind) == [.alreadyMapped, .sharedCandidate, .ambiguous])
        #expect(outcome.conflicts[0].mappedTo == "Acme BV")
        #expect(outcome.conflicts[1].records.map(\.key) == ["Smit Advies", "Smit Advies B.V."])
        #expect(outcome.conflicts[2].candidates.map(\.key) == ["3001", "3002"])
    }

    @Test func itemGroupsMayShareAProductGroup() {
        let matcher = RecordMatcher(candidates: [MatchRecord(key: "Hardware", name: "Hardware")], exclusive: false)
        let outcome = matcher.match([
            MatchRecord(key: "100", name: "Hardware"), MatchRecord(key: "HW", name: "hardware"),
        ])
        #expect(outcome.matches.map(\.candidate.key) == ["Hardware", "Hardware"])
        #expect(outcome.conflicts.isEmpty)
    }

    @Test func theOutcomeIsTheSameWhateverTheOrder() {
        let candidates = (0..<200).map { MatchRecord(key: "\($0)", name: "Firma \($0 % 50) Noord") }
        let records = (0..<100).map { MatchRecord(key: "R\($0)", name: "Firma \($0) Noord B.V.") }
        let forward = RecordMatcher(candidates: candidates).match(records)
        let backward = RecordMatcher(candidates: candidates.reversed()).match(records.reversed())
        #expect(forward == backward)
        #expect(forward.matches.isEmpty, "every name has four candidates")
        #expect(forward.conflicts.count == 50)
    }
}
