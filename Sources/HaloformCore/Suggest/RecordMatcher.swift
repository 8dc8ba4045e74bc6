/// Matches records that need a mapping against candidates, blocking on normalised keys (VAT number, registration
/// number, e-mail domain, name, name words and ends) so that no record is compared with every candidate.
public struct RecordMatcher: Sendable {
    /// Whether a candidate may take one record only (customers), or any number (item groups into a product group).
    public var exclusive: Bool
    /// The candidates.
    public let candidates: [MatchRecord]

    private let names: [String]
    private let scalars: [[Unicode.Scalar]]
    private let vatNumbers: [String?]
    private let registrationNumbers: [String?]
    private let byVAT: [String: [Int32]]
    private let byRegistration: [String: [Int32]]
    private let byDomain: [String: [Int32]]
    private let byName: [String: [Int32]]
    private let byPart: [String: [Int32]]

    /// A block larger than this says too little to compare its members (a word every name has, a shared domain).
    static let largestBlock = 24
    /// The most candidates an e-mail domain may have for it to count as evidence.
    static let largestDomain = 3

    /// Indexes the candidates.
    public init(candidates: [MatchRecord], exclusive: Bool = true) {
        self.exclusive = exclusive
        self.candidates = candidates
        var names: [String] = [], scalars: [[Unicode.Scalar]] = []
        var vats: [String?] = [], registrations: [String?] = []
        var byVAT: [String: [Int32]] = [:], byRegistration: [String: [Int32]] = [:], byDomain: [String: [Int32]] = [:]
        var byName: [String: [Int32]] = [:], byPart: [String: [Int32]] = [:]
        names.reserveCapacity(candidates.count)
        byName.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() {
            let position = Int32(index)
            let name = MatchKey.name(candidate.name)
            names.append(name)
            scalars.append(Array(name.unicodeScalars))
            let vat = MatchKey.number(candidate.vatNumber), registration = MatchKey.number(candidate.registrationNumber)
            vats.append(vat)
            registrations.append(registration)
            if let vat { byVAT[vat, default: []].append(position) }
            if let registration { byRegistration[registration, default: []].append(position) }
            if let domain = MatchKey.domain(candidate.email) { byDomain[domain, default: []].append(position) }
            if !name.isEmpty { byName[name, default: []].append(position) }
            for part in Self.parts(of: name) { byPart[part, default: []].append(position) }
        }
        self.names = names
        self.scalars = scalars
        vatNumbers = vats
        registrationNumbers = registrations
        self.byVAT = byVAT
        self.byRegistration = byRegistration
        self.byDomain = byDomain
        self.byName = byName
        self.byPart = byPart
    }

    /// The blocking keys a near name must share with another: its longer words, and the first and last four letters
    /// of the name without spaces (a typo rarely hits both ends).
    static func parts(of name: String) -> [String] {
        var parts: [String] = []
        for word in name.split(separator: " ") where word.utf8.count >= 3 { parts.append("w:" + word) }
        let squashed = name.unicodeScalars.filter { $0 != " " }
        if squashed.count >= 5 {
            var head = "h:", tail = "t:"
            head.unicodeScalars.append(contentsOf: squashed.prefix(4))
            tail.unicodeScalars.append(contentsOf: squashed.suffix(4))
            parts += [head, tail]
        }
        return parts
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
                conflicts.append(MatchConflict(kind: .ambiguous, records: [record], candidates: tied, mappedTo: nil, evidence: first.evidence))
                continue
            }
            let candidate = candidates[first.candidate]
            if exclusive, let owner = mapped[candidate.key], owner != record.key {
                conflicts.append(MatchConflict(
                    kind: .alreadyMapped, records: [record], candidates: [candidate], mappedTo: owner, evidence: first.evidence))
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
                    matches.append(RecordMatch(
                        record: records[entry.record], candidate: candidates[candidate], evidence: entry.evidence,
                        confidence: entry.confidence))
                } else {
                    let claimants = positions.map { records[best[$0].record] }.sorted { $0.key < $1.key }
                    conflicts.append(MatchConflict(
                        kind: .sharedCandidate, records: claimants, candidates: [candidates[candidate]], mappedTo: nil,
                        evidence: best[positions[0]].evidence))
                }
            }
        } else {
            matches = best.map {
                RecordMatch(record: records[$0.record], candidate: candidates[$0.candidate], evidence: $0.evidence, confidence: $0.confidence)
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
        let vat = MatchKey.number(record.vatNumber), registration = MatchKey.number(record.registrationNumber)
        if let vat { add(byVAT[vat], Evidence(.vatNumber, vat, weight: 97)) }
        if let registration { add(byRegistration[registration], Evidence(.registrationNumber, registration, weight: 95)) }
        if let domain = MatchKey.domain(record.email), let block = byDomain[domain], block.count <= Self.largestDomain {
            add(block, Evidence(.emailDomain, domain, weight: 80))
        }
        let name = MatchKey.name(record.name)
        let exact = name.isEmpty ? nil : byName[name]
        if let exact { add(exact, Evidence(.sameName, name, weight: 85)) }
        if !name.isEmpty { addNearNames(name, exact: exact ?? [], into: &found) }
        return found.compactMap { entry -> (candidate: Int, evidence: [Evidence], confidence: Int)? in
            if let vat, let other = vatNumbers[entry.candidate], other != vat { return nil }
            if let registration, let other = registrationNumbers[entry.candidate], other != registration { return nil }
            let evidence = entry.evidence.sorted { ($0.kind, -$0.weight) < ($1.kind, -$1.weight) }
            // Independent pieces of evidence combine as a noisy-or, kept below certainty.
            let doubt = evidence.reduce(1.0) { $0 * (1 - Double($1.weight) / 100) }
            return (entry.candidate, evidence, min(99, Int(((1 - doubt) * 100).rounded())))
        }.sorted { lhs, rhs in
            lhs.confidence != rhs.confidence ? lhs.confidence > rhs.confidence
                : candidates[lhs.candidate].key < candidates[rhs.candidate].key
        }
    }

    /// Adds near-name evidence for the candidates that share a blocking key with `name`.
    private func addNearNames(
        _ name: String, exact: [Int32], into found: inout [(candidate: Int, evidence: [Evidence])]
    ) {
        let own = Array(name.unicodeScalars)
        let ownWords = Set(name.split(separator: " "))
        let ownDigits = own.filter { $0.properties.numericType != nil }
        var seen: Set<Int32> = Set(exact)
        for part in Self.parts(of: name) {
            guard let block = byPart[part], block.count <= Self.largestBlock else { continue }
            for position in block where seen.insert(position).inserted {
                let other = scalars[Int(position)]
                // Numbered names ("Customer 0011", "Customer 0012") differ in what matters.
                guard other.filter({ $0.properties.numericType != nil }) == ownDigits else { continue }
                guard let similarity = Self.similarity(own, ownWords, other, names[Int(position)]) else { continue }
                let index = Int(position)
                let evidence = Evidence(
                    .nearName, names[index], weight: 40 + Int((Double(35) * similarity).rounded()))
                if let at = found.firstIndex(where: { $0.candidate == index }) {
                    found[at].evidence.append(evidence)
                } else {
                    found.append((index, [evidence]))
                }
            }
        }
    }

    /// How alike two normalised names are (0.75 … 1), or nil when they are not near: a few edits apart (at most one
    /// per six letters, three in all), or mostly the same words.
    static func similarity(_ a: [Unicode.Scalar], _ aWords: Set<Substring>, _ b: [Unicode.Scalar], _ bName: String) -> Double? {
        let longest = max(a.count, b.count)
        guard longest >= 5 else { return nil }
        var best: Double?
        let bound = max(1, min(3, longest / 6))
        if let distance = Suggestion.distance(a, b, atMost: bound) {
            best = 1 - Double(distance) / Double(longest)
        }
        let bWords = Set(bName.split(separator: " "))
        let shared = aWords.intersection(bWords).count
        if shared >= 2 {
            let jaccard = Double(shared) / Double(aWords.union(bWords).count)
            if jaccard >= 0.75 { best = max(best ?? 0, jaccard) }
        }
        return best.flatMap { $0 >= 0.75 ? $0 : nil }
    }
}
