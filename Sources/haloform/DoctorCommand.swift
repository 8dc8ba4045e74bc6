import ArgumentParser
import Foundation
import HaloAPI
import HaloformCore

/// `haloform doctor`: Halo's "Accounting Tool Not Syncing" checklist, run over live data.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            "Find the customers, products, suppliers and settings that stop Halo syncing to the accounting systems.",
        discussion: """
            For each declared integration and tenant: module enabled, entities in the sync list, success message on, \
            and every customer, product and supplier linked, with its accounts id, not excluded, with unique ids, linked \
            tax rates and accounts codes the chart holds. Exit 0 when nothing blocks a sync, 1 when something does.
            """
    )

    @Argument(help: "The config root.")
    var root: String = "."

    @Option(help: "Output format: text or json.")
    var format: DoctorFormat = .text

    @Option(help: "How far back to read Halo's error log of failed syncs: a number and d, h, m or s (7d, 24h, 30m).")
    var since: String = "7d"

    @OptionGroup var color: ColorOption

    @OptionGroup var tokenStore: TokenStoreOption

    @OptionGroup var trace: TraceOption

    func validate() throws {
        if case .failure(let error) = TimeSpan.parse(since) { throw ValidationError("--since: \(error)") }
    }

    func run() async throws {
        var timings = StageTimings(traced: trace.traceTimings)
        let workspace = try timings.measure("load") { try Workspace.load(root) }
        guard !workspace.config.integrations.isEmpty else {
            throw CommandFailure("config root '\(root)' declares no integration; the doctor checks the declared ones")
        }
        let (report, tally) = try await workspace.connect(tokenStore: tokenStore.path) { connection in
            let now = try workspace.now
            let window = try TimeSpan.parse(since).get()
            let snapshot = try await timings.measure("fetch") {
                try await Self.snapshot(connection, at: now, errorsSince: now.adding(seconds: -window.seconds))
            }
            let report = timings.measure("examine") { Doctor(config: workspace.config, snapshot: snapshot).examine() }
            return (report, connection.tally)
        }
        timings.measure("render") {
            switch format {
            case .text: Terminal.output(DoctorTextRenderer().render(report))
            case .json: Terminal.output(Self.json(report))
            }
        }
        timings.report(tally)
        if !report.isClean { throw ExitCode.failure }
    }

    /// Halo's configuration and the declared tenants' catalogs, then its customers, products and suppliers in full,
    /// each list reduced as soon as it arrives.
    static func snapshot(_ connection: Connection, at now: Timestamp, errorsSince: Timestamp) async throws
        -> DoctorSnapshot
    {
        async let remote = connection.fetch()
        let halo = try connection.haloClient()
        async let customers = halo.list(.client).map(DoctorRecord.init(client:))
        async let products = halo.list(.item).map(DoctorRecord.init(item:))
        async let errors = halo.integrationErrors(since: errorsSince)
        let suppliers = try await halo.list(.supplier).map(DoctorRecord.init(supplier:))
        return DoctorSnapshot(
            remote: try await remote, customers: try await customers, products: try await products,
            suppliers: suppliers,
            takenAt: now, errorLog: IntegrationErrorLog(since: errorsSince, records: try await errors))
    }

    /// The report as its versioned JSON document.
    static func json(_ report: DoctorReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(DoctorDocument(report))) ?? Data(), as: UTF8.self) + "\n"
    }
}

/// How the doctor's report is shown.
enum DoctorFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
