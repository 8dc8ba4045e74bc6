import Foundation
import HaloformCore
import JSONText

/// `planner`: the planner alone on 100,000 mappings over 20 tenants, half of them changed, with no I/O at all.
enum PlannerBenchmark {
    static let tenants = 20
    static let perTenant = 5_000

    static func run(_ arguments: [String]) async throws {
        var files: [SourceFile] = [SourceFile(path: "halo.yaml", text: "halo: { url: \"sandbox:s.json\" }\n")]
        var clients: [NamedRecord] = []
        var details: [JSONObject] = []
        var catalogs: [CatalogKey: Catalog] = [:]
        for tenant in 0..<tenants {
            var text =
                "exact_online:\n  tenants:\n    - name: t\(tenant)\n      location: nl\n      division: \(tenant + 1)\n      client_id: c\n"
                + "      client_secret: ${env:S}\n      customers:\n        mappings:\n"
            var links: [JSONValue] = []
            var accounts: [CatalogEntry] = []
            for index in 0..<perTenant {
                let id = tenant * perTenant + index + 1
                clients.append(NamedRecord(id: id, name: "Client \(tenant)-\(index)"))
                accounts.append(
                    CatalogEntry(
                        id: "guid-\(tenant)-\(index)", code: String(100_000 + index), name: "Client \(tenant)-\(index)")
                )
                links.append([
                    "id": .int(id), "table_id": 2, "halo_id": .int(id),
                    "halo_desc": .string("Client \(tenant)-\(index)"),
                    "third_party_id": .string("guid-\(tenant)-\(index)"),
                    "third_party_desc": .string(String(100_000 + index)),
                ])
                let swapped = index % 4 < 2 ? index ^ 1 : index
                text += "          - { halo: Client \(tenant)-\(swapped), exact: \"\(100_000 + index)\" }\n"
            }
            files.append(SourceFile(path: "t\(tenant).yaml", text: text))
            details.append([
                "id": .int(tenant + 1), "name": .string("t\(tenant)"), "locale": "nl", "division": .int(tenant + 1),
                "client_id": "c", "client_mappings": .array(links),
            ])
            catalogs[CatalogKey(.exactOnline, "t\(tenant)")] = Catalog(
                companies: [CatalogEntry(id: String(tenant + 1), code: String(tenant + 1), name: "")],
                customers: accounts)
        }
        let remote = RemoteState(
            records: [.exactDetails: details, .features: [], .tax: []], control: ["id": 1], clients: clients,
            catalogs: catalogs)
        let config = ConfigLoader.load(files).config
        let environment = ConfigEnvironment(variables: [:], isSandbox: true)
        let clock = ContinuousClock()
        var plan: Plan?
        let rounds = arguments.first.flatMap(Int.init) ?? 3
        var best = Duration.seconds(1_000)
        for _ in 0..<rounds {
            best = min(
                best,
                clock.measure { plan = Planner(config: config, remote: remote, environment: environment).plan().plan })
        }
        let fingerprint = clock.measure { _ = remote.fingerprint }
        print(
            "planner: \(tenants * perTenant) mappings over \(tenants) tenants, \(plan?.changes.count ?? -1) changes, "
                + "\(plan?.operations.count ?? -1) requests: best of \(rounds) \(ValidateBenchmark.seconds(best)) (target under 0.5 s); "
                + "of which the remote fingerprint \(ValidateBenchmark.seconds(fingerprint))")
    }
}
