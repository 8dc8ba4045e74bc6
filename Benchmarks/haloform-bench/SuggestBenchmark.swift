import Foundation
import HaloformCore
import JSONText

/// `suggest`: the matching of `haloform suggest` alone, 50,000 Halo customers against 50,000 accounting customers,
/// with no I/O: names from a few hundred words (so blocks are large and many), a quarter of the pairs with a legal-form
/// variant, a fifth with a typo, some by VAT number or e-mail domain only, and unrelated rest.
enum SuggestBenchmark {
    static let count = 50_000

    static func run(_ arguments: [String]) async throws {
        let (config, state) = data(count: arguments.first.flatMap(Int.init) ?? count)
        let baseline = ValidateBenchmark.peakMemoryMegabytes()
        let clock = ContinuousClock()
        var report: SuggestReport?
        let elapsed = clock.measure { report = MappingSuggester(config: config, state: state).suggest() }
        let peak = ValidateBenchmark.peakMemoryMegabytes()
        let kinds = Dictionary(grouping: report?.lists.flatMap(\.proposals) ?? [], by: { $0.evidence[0].kind })
            .mapValues(\.count)
        print(
            "suggest: \(state[.client].count) Halo customers against \(state.catalogs.values.first?.customers.count ?? 0) accounts: "
                + "\(report?.proposalCount ?? -1) proposals, \(report?.conflictCount ?? -1) conflicts in \(ValidateBenchmark.seconds(elapsed)) "
                + "(target under 2 s); peak \(peak.map(String.init) ?? "?") MB, \(baseline.map(String.init) ?? "?") MB before matching "
                + "(VmHWM; target under 300 MB)")
        let candidates = (state.catalogs.values.first?.customers ?? []).map { MatchRecord(key: $0.code, name: $0.name) }
        var matcher: RecordMatcher?
        let index = clock.measure { matcher = RecordMatcher(candidates: candidates) }
        let records = MappingSuggester.haloCustomers(state[.client]).map(\.record)
        let match = clock.measure { _ = matcher?.match(records) }
        print(
            "    of which, by names alone: indexing the accounts \(ValidateBenchmark.seconds(index)), matching \(ValidateBenchmark.seconds(match))"
        )
        print(
            "    by strongest evidence: "
                + EvidenceKind.allCases.map { "\($0.rawValue) \(kinds[$0] ?? 0)" }.joined(separator: ", "))
    }

    /// A config with one Exact tenant over top level 1, and the Halo customers and catalog to match.
    static func data(count: Int) -> (Config, RemoteState) {
        var random = SeededNumbers(seed: 17)
        let surnames = [
            "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
            "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Smith", "Jones", "Taylor", "Brown", "Williams",
        ]
        let trades = [
            "Bouw", "Installatie", "Techniek", "Logistiek", "Advies", "Software", "Transport", "Groothandel",
            "Schilders", "Accountants", "Makelaars", "Catering", "Consultancy", "Engineering", "Facilities",
            "Media", "Zorg", "Security", "Metaal", "Elektro",
        ]
        let places = [
            "Noord", "Zuid", "Oost", "West", "Centrum", "Holland", "Brabant", "Utrecht", "Twente", "Zeeland",
            "Limburg", "Friesland", "Drenthe", "Gelderland", "Randstad", "Veluwe", "Kennemerland", "Achterhoek",
            "Westland", "Rijnmond",
        ]
        let forms = ["BV", "B.V.", "", "N.V.", "Ltd", "GmbH", "VOF", "Holding B.V."]
        var clients: [JSONObject] = []
        var accounts: [CatalogEntry] = []
        var details: [CustomerDetails] = []
        clients.reserveCapacity(count)
        for index in 0..<count {
            let base =
                "\(surnames[index % 30]) \(trades[(index / 30) % 20]) \(places[(index / 600) % 20]) \(index / 12_000 + 1)"
            let haloName = "\(base) \(forms[Int(random.next() % 8)])".trimmingCharacters(in: .whitespaces)
            let vat = index % 5 == 0 ? "NL\(100_000_000 + index)B01" : ""
            let email = index % 7 == 0 ? "facturen@firma\(index).nl" : (index % 7 == 1 ? "info\(index)@gmail.com" : "")
            clients.append([
                "id": .int(index + 1), "name": .string(haloName), "toplevel_id": 1, "inactive": .bool(index % 50 == 17),
                "tax_number": .string(vat), "accountsemailaddress": .string(email),
            ])
            let code = String(100_000 + index)
            var name: String
            switch random.next() % 20 {
            case 0..<5: name = "\(base) \(forms[Int(random.next() % 8)])"
            case 5..<9: name = typo(base, &random)
            case 9..<12: name = "Firma \(index)"
            case 12..<14: name = base.uppercased()
            default:
                name =
                    "\(surnames[Int(random.next() % 30)]) \(trades[Int(random.next() % 20)]) \(Int(random.next() % 900))"
            }
            accounts.append(CatalogEntry(id: "guid-\(index)", code: code, name: name))
            details.append(
                CustomerDetails(
                    code: code, vatNumber: index % 10 == 0 ? vat : nil,
                    email: index % 7 == 0
                        ? "administratie@firma\(index).nl" : (index % 7 == 1 ? "x\(index)@gmail.com" : nil)))
        }
        var catalog = Catalog(customers: accounts)
        catalog.customerDetails = details
        let text =
            "halo: { url: \"sandbox:s.json\" }\nexact_online:\n  tenants:\n    - name: t\n      location: nl\n"
            + "      division: 1\n      client_id: c\n      client_secret: ${env:S}\n      customers:\n        top_level: Customers\n"
            + "        mappings: []\n"
        let config = ConfigLoader.load([SourceFile(path: "t.yaml", text: text)]).config
        let state = RemoteState(
            records: [.client: clients], topLevels: [NamedRecord(id: 1, name: "Customers")],
            catalogs: [CatalogKey(.exactOnline, "t"): catalog])
        return (config, state)
    }

    /// `text` with one letter dropped, somewhere past its first word.
    private static func typo(_ text: String, _ random: inout SeededNumbers) -> String {
        var letters = Array(text)
        let position = 6 + Int(random.next() % UInt64(max(1, letters.count - 8)))
        if letters[position] != " " { letters.remove(at: position) }
        return String(letters)
    }
}

/// The same numbers on every run: a counter through `StableDigest`'s finaliser.
struct SeededNumbers {
    private var counter: UInt64

    init(seed: UInt64) { counter = seed }

    mutating func next() -> UInt64 {
        counter &+= 0x9E37_79B9_7F4A_7C15
        return StableDigest.mixed(counter)
    }
}
