import AccountingAPIs
import ArgumentParser
import Foundation
import HaloAPI
import HaloformCore
import ServiceTransport

/// A live connection for one command: what to fetch, how, and the Halo client to write with.
struct Connection {
    /// What to fetch.
    let request: RemoteStateRequest
    /// The fetcher, with its token store.
    let fetcher: RemoteStateFetcher
    /// Where the services are reached instead of their real addresses (the sandbox), if anywhere.
    let overrides: ServiceOverrides?
    /// Every request this connection sent, by service.
    let tally = RequestTally()
    /// The Halo as the config names it (`halo.url`), which keys the apply journal.
    let haloName: String

    init(workspace: Workspace, overrides: ServiceOverrides?, tokenStorePath: String?) throws {
        // One clock for every client, moved by HALOFORM_CLOCK_OFFSET as the in-process sandbox's is.
        let clock = SystemClock(offset: try workspace.clockOffset)
        switch RemoteStateRequest.make(for: workspace.config, environment: workspace.environment, overrides: overrides)
        {
        case .success(let request): self.request = request
        case .failure(let list):
            DiagnosticReport(diagnostics: list.diagnostics, files: workspace.files).print(format: .text)
            throw ExitCode.failure
        }
        haloName = workspace.config.halo?.url?.value ?? request.halo.url
        let environment = ProcessInfo.processInfo.environment
        let path = tokenStorePath ?? TokenStore.defaultPath(environment: environment)
        self.overrides = overrides
        let sandbox = overrides != nil
        // The sandbox enforces the services' rate limits itself, and the clients ride out its 429s; a client-side
        // budget on top would only make a loopback run as slow as a real one.
        var halo = HaloClientConfiguration()
        halo.http.clock = clock
        var accounting = AccountingContext.standardHTTP
        if sandbox {
            halo.http = halo.http.unlimited()
            accounting = accounting.mapValues { $0.unlimited() }
        }
        let tally = self.tally
        // HALOFORM_FETCH_CONCURRENCY=1 fetches page by page, one request at a time: the baseline the benchmark
        // compares concurrent fetching with, and a way to spare a struggling server.
        let width = environment["HALOFORM_FETCH_CONCURRENCY"].flatMap { Int($0) }.map { max(1, $0) }
        func counted(_ configuration: HTTPServiceConfiguration) -> HTTPServiceConfiguration {
            var counted = configuration
            counted.tally = tally
            if let width { counted.maximumConcurrentRequests = min(counted.maximumConcurrentRequests, width) }
            return counted
        }
        halo.http = counted(halo.http)
        accounting = accounting.mapValues(counted)
        fetcher = RemoteStateFetcher(
            halo: halo,
            accounting: AccountingContext(
                tokenStore: TokenStore(path: path), environment: environment, allowsSandboxLogin: sandbox,
                http: accounting, clock: clock),
            maximumParallelParts: width ?? RemoteStateFetcher.defaultParallelParts)
    }

    /// Fetches the remote state (the config's, unless another request is given), drawing a one-line progress display on a terminal when it takes a while.
    func fetch(_ request: RemoteStateRequest? = nil) async throws -> RemoteState {
        let showsProgress = isatty(2) == 1
        let state: RemoteState
        do {
            state = try await fetcher.fetch(request ?? self.request) { progress in
                if showsProgress && progress.elapsed > 1 { Terminal.error("\r\u{1B}[K" + progress.description) }
            }
        } catch let error as ServiceError where error.kind != .loginRequired {
            if showsProgress { Terminal.error("\r\u{1B}[K") }
            // Only reads failed, so nothing changed; a service that was briefly away is usually back for a rerun.
            throw CommandFailure(
                "\(error)\nNothing was changed in Halo. Once the service answers again, run `haloform plan` "
                    + "(or the command that failed) again.")
        }
        if showsProgress { Terminal.error("\r\u{1B}[K") }
        return state
    }

    /// What the plan cost and what applying it will: this connection's requests so far per system, and the plan's
    /// writes to Halo, at the real services' documented limits (also against the sandbox, which stands in for them).
    func cost(of plan: Plan) -> PlanCost {
        let made = tally.current
        let halo = HTTPServiceConfiguration.halo
        let accounting = Integration.allCases.compactMap { AccountingContext.standardHTTP[$0] }.filter {
            made[$0.name] != nil
        }
        return PlanCost(
            systems: [halo].map {
                PlanCost.System(documented: $0, reads: made[$0.name]?.requests ?? 0, writes: plan.operations.count)
            }
                + accounting.map { PlanCost.System(documented: $0, reads: made[$0.name]?.requests ?? 0, writes: 0) })
    }

    /// A Halo client for writing.
    func haloClient() throws -> HaloClient {
        try HaloClient(connection: request.halo, configuration: fetcher.halo)
    }
}

extension PlanCost.System {
    /// A system's share at the limit its HTTP configuration documents.
    init(documented service: HTTPServiceConfiguration, reads: Int, writes: Int) {
        self.init(
            name: service.name, reads: reads, writes: writes, limit: service.budget,
            windowSeconds: Int(service.budgetWindow.components.seconds))
    }
}
