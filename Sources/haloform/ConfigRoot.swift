import Foundation
import HaloformCore

/// A config root on disk: the folder (or single file) whose YAML files make one configuration.
struct ConfigRoot {
    /// The path the user gave.
    let path: String

    /// Every `*.yaml`/`*.yml` below the root, hidden files and folders skipped, in path order.
    func files() throws -> [SourceFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("config root '\(path)' does not exist")
        }
        if !isDirectory.boolValue { return [try read(path)] }
        guard let enumerator = manager.enumerator(atPath: path) else {
            throw CommandFailure("cannot list config root '\(path)'")
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                paths.append(path == "." ? relative : (path as NSString).appendingPathComponent(relative))
            }
        }
        guard !paths.isEmpty else { throw CommandFailure("config root '\(path)' holds no .yaml or .yml files") }
        return try paths.sorted().map(read)
    }

    private func read(_ file: String) throws -> SourceFile {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("cannot read '\(file)'")
        }
        return SourceFile(path: file, bytes: Array(data))
    }
}
