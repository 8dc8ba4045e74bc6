import JSONText

/// Matches records that need a mapping against candidates, blocking on normalised keys (VAT number, registration
/// number, e-mail domain, name, name words and ends) so that no record is compared with every candidate.
///
/// A class, so that the closures of a match share its indexes instead of copying a struct of ten of them.
public final class RecordMatcher: Sendable {
    /// Whether a candidate may take one record only (customers), or any number (item groups into a product group).
    public let exclusive: Bool
    /// The candidates.
    public let candidates: [MatchRecord]

    private let names: [String]
    private let candidateWords: [[Substring]]
    private let candidateDigests: [[UInt64]]
    private let vatNumbers: [String?]
    private let registrationNumbers: [String?]
    private let byVAT: [String: [Int32]]
    private let byRegistration: [String: [Int32]]
    private let byDomain: [String: [Int32]]
    private let byName: [String: [Int32]]
    private let byPart: [UInt64: [Int32]]

    /// A block larger than this says too little to compare its members (a word every name has, a shared domain).
    static let largestBlock = 24
    /// The most candidates an e-mail domain may have for it to count as evidence.
    static let largestDomain = 3

    /// Indexes the candidates.
    public init(candidates: [MatchRecord], exclusive: Bool = true) {
        self.exclusive = exclusive
        self.candidates = candidates
        var names: [String] = []
        var words: [[Substring]] = []
        var digests: [[UInt64]] = []
        var vats: [String?] = []
        var registrations: [String?] = []
        var byVAT: [String: [Int32]] = [:]
        var byRegistration: [String: [Int32]] = [:]
        var byDomain: [String: [Int32]] = [:]
        var byName: [String: [Int32]] = [:]
        var byPart: [UInt64: [Int32]] = [:]
        names.reserveCapacity(candidates.count)
        byName.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() {
            let position = Int32(index)
            let name = MatchKey.name(candidate.name)
            names.append(name)
            let split = name.split(separator: " ")
            let wordDigests = Self.digests(split)
            words.append(split)
            digests.append(wordDigests)
            let vat = MatchKey.number(candidate.vatNumber)
            let registration = MatchKey.number(candidate.registrationNumber)
            vats.append(vat)
            registrations.append(registration)
            if let vat { byVAT[vat, default: []].append(position) }
            if let registration { byRegistration[registration, default: []].append(position) }
            if let domain = MatchKey.domain(candidate.email) { byDomain[domain, default: []].append(position) }
            if !name.isEmpty { byName[name, default: []].append(position) }
            for part in Self.parts(of: wordDigests) + Self.ends(of: split) {
                byPart[part, default: []].append(position)
            }
        }
        self.names = names
        candidateWords = words
        candidateDigests = digests
        vatNumbers = vats
        registrationNumbers = registrations
        self.byVAT = byVAT
        self.byRegistration = byRegistration
        self.byDomain = byDomain
        self.byName = byName
        self.byPart = byPart
    }

    /// The blocking keys a name of several words shares with near ones, from its words' digests (no key is written
    /// as text): the name itself and the name less each word in turn (a typo in one word leaves the others whole; a
    /// word more or less leaves the rest equal).
    static func parts(of digests: [UInt64]) -> [UInt64] {
        guard (2...6).contains(digests.count) else { return [] }
        return (-1..<digests.count).map { skipped in
            digests.indices.reduce(StableDigest.mixed(1)) {
                $1 == skipped ? $0 : StableDigest.adding(digests[$1], to: $0)
            }
        }
    }

    /// The blocking keys of a one-word name: its first and last four letters (a typo rarely hits both ends).
    static func ends(of words: [Substring]) -> [UInt64] {
        guard words.count == 1, words[0].unicodeScalars.count >= 5 else { return [] }
        let scalars = words[0].unicodeScalars
        return [
            StableDigest.adding(String(String.UnicodeScalarView(scalars.prefix(4))), to: StableDigest.mixed(2)),
            StableDigest.adding(String(String.UnicodeScalarView(scalars.suffix(4))), to: StableDigest.mixed(3)),
        ]
    }

    /// Each word's stable digest.
    static func digests(_ words: [Substring]) -> [UInt64] {
        words.map { StableDigest.adding(String($0), to: StableDigest.basis) }
    }

    /// Proposals and conflicts for `records`; `mapped` gives, per candidate key, the record the config already maps
    /// it to (ignored when not exclusive).
    public func match(_ records: [MatchRecord], mapped: [String: String] = [:]) -> MatchOutcome {
        var best: [(record: Int, candidate: Int, evidence: [Evidence], confidence: Int)] = []
        var conflicts: [MatchConflict] = []
        for (index, record) in records.enumerated() {
            let found = ranked(record)
            guard let first = found.first else { continue }
            if found.count > 1, found[1].confidence == first.confidence {
                let tied = found.prefix { $0.confidence == first.confidence }.map { candidates[$0.candidate] }
                conflicts.append(
                    MatchConflict(
                        kind: .ambiguous, records: [record], candidates: tied, mappedTo: nil, evidence: first.evidence))
                continue
            }
            let candidate = candidates[first.candidate]
            if exclusive, let owner = mapped[candidate.key], owner != record.key {
                conflicts.append(
                    MatchConflict(
                        kind: .alreadyMapped, records: [record], candidates: [candidate], mappedTo: owner,
                        evidence: first.evidence))
                continue
            }
            best.append((index, first.candidate, first.evidence, first.confidence))
        }
        var matches: [RecordMatch] = []
        if exclusive {
            var claims: [Int: [Int]] = [:]
            for (position, entry) in best.enumerated() { claims[entry.candidate, default: []].append(position) }
            for (candidate, positions) in claims {
                if positions.count == 1 {
                    let entry = best[positions[0]]
                    matches.append(
                        RecordMatch(
                            record: records[entry.record], candidate: candidates[candidate], evidence: entry.evidence,
                            confidence: entry.confidence))
                } else {
                    let claimants = positions.map { records[best[$0].record] }.sorted { $0.key < $1.key }
                    conflicts.append(
                        MatchConflict(
                            kind: .sharedCandidate, records: claimants, candidates: [candidates[candidate]],
                            mappedTo: nil,
                            evidence: best[positions[0]].evidence))
                }
            }
        } else {
            matches = best.map {
                RecordMatch(
                    record: records[$0.record], candidate: candidates[$0.candidate], evidence: $0.evidence,
                    confidence: $0.confidence)
            }
        }
        matches.sort { ($0.record.key, $0.candidate.key) < ($1.record.key, $1.candidate.key) }
        conflicts.sort { ($0.records[0].key, $0.candidates[0].key) < ($1.records[0].key, $1.candidates[0].key) }
        return MatchOutcome(matches: matches, conflicts: conflicts)
    }

    /// The candidates with any evidence for `record`, best first (ties by key), without those a differing VAT or
    /// registration number rules out.
    func ranked(_ record: MatchRecord) -> [(candidate: Int, evidence: [Evidence], confidence: Int)] {
        var found: [(candidate: Int, evidence: [Evidence])] = []
        func add(_ block: [Int32]?, _ evidence: Evidence) {
            for position in block ?? [] {
                let index = Int(position)
                if let at = found.firstIndex(where: { $0.candidate == index }) {
                    found[at].evidence.append(evidence)
                } else {
                    found.append((index, [evidence]))
                }
            }
        }
        let vat = MatchKey.number(record.vatNumber)
        let registration = MatchKey.number(record.registrationNumber)
        if let vat { add(byVAT[vat], Evidence(.vatNumber, vat, weight: 97)) }
        if let registration {
            add(byRegistration[registration], Evidence(.registrationNumber, registration, weight: 95))
        }
        if let domain = MatchKey.domain(record.email), let block = byDomain[domain], block.count <= Self.largestDomain {
            add(block, Evidence(.emailDomain, domain, weight: 80))
        }
        let name = MatchKey.name(record.name)
        let exact = name.isEmpty ? nil : byName[name]
        if let exact { add(exact, Evidence(.sameName, name, weight: 85)) }
        // A candidate of the same name outranks any near one: no need to look for those.
        if !name.isEmpty, exact == nil { addNearNames(name, into: &found) }
        return found.compactMap { entry -> (candidate: Int, evidence: [Evidence], confidence: Int)? in
            if let vat, let other = vatNumbers[entry.candidate], other != vat { return nil }
            if let registration, let other = registrationNumbers[entry.candidate], other != registration { return nil }
            let evidence = entry.evidence.sorted { ($0.kind, -$0.weight) < ($1.kind, -$1.weight) }
            // Independent pieces of evidence combine as a noisy-or, kept below certainty.
            let doubt = evidence.reduce(1.0) { $0 * (1 - Double($1.weight) / 100) }
            return (entry.candidate, evidence, min(99, Int(((1 - doubt) * 100).rounded())))
        }.sorted { lhs, rhs in
            lhs.confidence != rhs.confidence
                ? lhs.confidence > rhs.confidence
                : candidates[lhs.candidate].key < candidates[rhs.candidate].key
        }
    }

    /// Adds near-name evidence for the candidates that share a blocking key with `name`.
    private func addNearNames(
        _ name: String, into found: inout [(candidate: Int, evidence: [Evidence])]
    ) {
        let words = name.split(separator: " ")
        let digests = Self.digests(words)
        var seen: Set<Int32> = []
        for part in Self.parts(of: digests) + Self.ends(of: words) {
            guard let block = byPart[part], block.count <= Self.largestBlock else { continue }
            for position in block where seen.insert(position).inserted {
                let index = Int(position)
                guard
                    let similarity = Self.similarity((words, digests), (candidateWords[index], candidateDigests[index]))
                else { continue }
                let evidence = Evidence(.nearName, names[index], weight: 40 + Int((Double(35) * similarity).rounded()))
                if let at = found.firstIndex(where: { $0.candidate == index }) {
                    found[at].evidence.append(evidence)
                } else {
                    found.append((index, [evidence]))
                }
            }
        }
    }

    /// How alike two normalised names are, by their words (0.75 … 1), or nil when they are not near: the same words
    /// but one, which is a typo away (an edit per four letters); or the same words and one more, of four or more.
    /// Words with digits must be equal: "Customer 0011" is not near "Customer 0012".
    static func similarity(_ a: ([Substring], [UInt64]), _ b: ([Substring], [UInt64])) -> Double? {
        if a.1.count == b.1.count {
            var differing: Int?
            for index in a.1.indices where a.1[index] != b.1[index] {
                guard differing == nil else { return nil }
                differing = index
            }
            guard let differing else { return nil }
            let hasDigit = { (word: Substring) in word.utf8.contains { (0x30...0x39).contains($0) } }
            guard !hasDigit(a.0[differing]), !hasDigit(b.0[differing]) else { return nil }
            let x = Array(a.0[differing].unicodeScalars)
            let y = Array(b.0[differing].unicodeScalars)
            let bound = max(1, max(x.count, y.count) / 4)
            guard let distance = Suggestion.distance(x, y, atMost: bound) else { return nil }
            let letters = Double((a.0 + b.0).reduce(0) { $0 + $1.utf8.count })
            return max(0.75, 1 - Double(2 * distance) / letters)
        }
        let (short, long) = a.1.count < b.1.count ? (a.1, b.1) : (b.1, a.1)
        guard long.count == short.count + 1, long.count >= 4 else { return nil }
        var rest = long[...]
        for word in short {
            guard let at = rest.firstIndex(of: word) else { return nil }
            rest = rest[(at + 1)...]
        }
        return Double(short.count) / Double(long.count)
    }
}
