import Foundation
import Testing

/// examples/msp: two Halo instances as two config roots that share one file of defaults, each validated, planned and
/// applied on its own against its own sandbox state, as the matrix pipelines run them.
@Suite struct SeveralInstancesTests {
    static let instances = ["acme-halo", "sister-halo"]

    @Test func eachRootPlansItsOwnHaloAndBothSeeTheSharedDefaults() async throws {
        let msp = try HaloformBinary.copyExample("msp")
        func run(_ arguments: [String]) async throws -> HaloformBinary.Run {
            try await HaloformBinary.run(arguments, in: msp, environment: PlanApplyTests.secrets)
        }
        for instance in Self.instances {
            let link = msp.appendingPathComponent("\(instance)/defaults.yaml").path
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../common/defaults.yaml")
            let validate = try await run(["validate", instance])
            #expect(validate.status == 0 && validate.stdout.contains("\(instance): valid (3 files"), "\(validate)")
        }

        let acme = try await run(["plan", "acme-halo", "--detailed-exitcode"])
        #expect(acme.status == 2, "\(acme)")
        #expect(acme.stdout.contains("Plan: 4 to add, 3 to change, 0 to replace, 0 to destroy."), "\(acme)")
        #expect(acme.stdout.contains(#"exact_online.tenant["exact-nl"]"#) && !acme.stdout.contains("exact-be"))
        let sister = try await run(["plan", "sister-halo", "--detailed-exitcode"])
        #expect(sister.status == 2, "\(sister)")
        #expect(sister.stdout.contains("Plan: 3 to add, 3 to change, 0 to replace, 0 to destroy."), "\(sister)")
        #expect(sister.stdout.contains(#"exact_online.tenant["exact-be"]"#) && !sister.stdout.contains("exact-nl\"]"))

        // Applying one instance leaves the other as it was: two Halos, two state files.
        #expect(try await run(["apply", "--auto-approve", "acme-halo"]).status == 0)
        #expect(try await run(["plan", "acme-halo", "--detailed-exitcode"]).status == 0)
        let untouched = try await run(["plan", "sister-halo", "--detailed-exitcode"])
        #expect(untouched.status == 2 && untouched.stdout.contains("Plan: 3 to add, 3 to change"), "\(untouched)")
        #expect(try await run(["apply", "--auto-approve", "sister-halo"]).status == 0)
        for instance in Self.instances {
            let state = msp.appendingPathComponent("\(instance)/.haloform/\(instance).json").path
            #expect(FileManager.default.fileExists(atPath: state), "\(state)")
        }

        // One edit of the shared file is a change in both.
        try msp.appendingPathComponent("common/defaults.yaml")
            .edit("{ customers: true, products: true }", "{ customers: true, products: false }")
        for instance in Self.instances {
            let plan = try await run(["plan", instance, "--detailed-exitcode"])
            #expect(plan.status == 2, "\(plan)")
            #expect(plan.stdout.contains("Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy."), "\(plan)")
            #expect(plan.stdout.contains("~ billing"), "\(plan)")
        }
    }
}
