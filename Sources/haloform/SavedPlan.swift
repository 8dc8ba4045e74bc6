import Foundation
import HaloformCore

/// A plan saved by `plan --out`.
enum SavedPlan {
    /// The plan in `path`, if it names a plan file rather than a config root.
    static func read(_ path: String) throws -> Plan? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            !path.hasSuffix(".yaml"), !path.hasSuffix(".yml"), let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch {
            throw CommandFailure("'\(path)' is not a haloform plan file")
        }
        guard plan.formatVersion == Plan.currentFormatVersion else {
            throw CommandFailure("'\(path)' is a plan of format version \(plan.formatVersion); this haloform reads version \(Plan.currentFormatVersion)")
        }
        guard plan.configRoot != nil else { throw CommandFailure("'\(path)' does not say which config root it was made from") }
        return plan
    }
}
