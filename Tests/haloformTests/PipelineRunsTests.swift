import Foundation
import Testing

/// Pipeline runs on fresh machines, each handed only the token store the run before it left (docs/pipelines.md):
/// the rotating refresh tokens survive run after run, and a store that fell behind fails with the named fix.
@Suite struct PipelineRunsTests {
    @Test func eachRunHandsItsTokenStoreToTheNext() async throws {
        let root = try HaloformBinary.copyExample("acme")
        defer { try? FileManager.default.removeItem(at: root) }
        var stores: [URL] = []

        /// One run on an empty home, with a copy of `handedOn` (if any) as its token store, `hours` after the first.
        func run(handedOn: URL?, hours: Int) async throws -> (HaloformBinary.Run, URL) {
            let machine = FileManager.default.temporaryDirectory.appendingPathComponent(
                "haloform-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: machine, withIntermediateDirectories: true)
            let store = machine.appendingPathComponent("tokens.json")
            if let handedOn { try FileManager.default.copyItem(at: handedOn, to: store) }
            let plan = try await HaloformBinary.run(
                ["plan", "--detailed-exitcode", "--token-store", store.path, "."], in: root,
                environment: [
                    "HOME": machine.path, "XDG_CONFIG_HOME": "", "HALOFORM_TOKEN_STORE": "",
                    "HALOFORM_CLOCK_OFFSET": "\(hours)h",
                ])
            return (plan, store)
        }

        // Each run comes an hour after the last, so every access token has expired and each run rotates the refresh
        // tokens it was handed.
        for hours in 0..<3 {
            let (plan, store) = try await run(handedOn: stores.last, hours: hours)
            #expect(plan.status == 2, "run \(hours + 1) plans without a login: \(plan)")
            #expect(FileManager.default.fileExists(atPath: store.path), "run \(hours + 1) leaves a store to hand on")
            stores.append(store)
        }

        // Run 4 is handed run 2's store: run 3 has rotated its refresh tokens away since.
        let (stale, _) = try await run(handedOn: stores[1], hours: 3)
        #expect(stale.status == 1, "\(stale)")
        #expect(stale.stderr.contains("haloform login exact-online exact-be"), "\(stale)")
        #expect(stale.stderr.contains("haloform login sage sage-uk"), "\(stale)")
        #expect(!stale.stderr.contains("(HTTP 400)"), "\(stale)")
    }
}
