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
        // The version first: a plan of another version may not decode as this one.
        guard let version = try? JSONDecoder().decode(FormatVersion.self, from: data).formatVersion else {
            throw CommandFailure("'\(path)' is not a haloform plan file")
        }
        guard version == Plan.currentFormatVersion else {
            throw CommandFailure(
                "'\(path)' is a plan of format version \(version); this haloform reads version \(Plan.currentFormatVersion): run plan again"
            )
        }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch {
            throw CommandFailure("'\(path)' is not a haloform plan file")
        }
        guard plan.configRoot != nil else {
            throw CommandFailure("'\(path)' does not say which config root it was made from")
        }
        return plan
    }

    /// The one field every plan document version has.
    private struct FormatVersion: Decodable {
        let formatVersion: Int

        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version"
        }
    }
}
