import HaloformCore
import YAMLSyntax

/// libFuzzer's entry point: one input, read as YAML and loaded as a config root. A broken promise traps, which
/// libFuzzer reports as a crash, keeping the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func configFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    ConfigFuzzer.run(bytes)
    return 0
}

/// The executable's entry point (SwiftPM links `main` to `<target>_main`), handing over to libFuzzer's driver.
@_cdecl("ConfigFuzzer_main")
public func configFuzzerMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    var count = argc
    var arguments = argv
    return llvmFuzzerRunDriver(&count, &arguments, configFuzzerTestOneInput)
}

/// libFuzzer's driver: parses the flags, then calls `callback` with each input.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// What one fuzz input exercises, and the promises the YAML front end and the config loader keep for any bytes:
/// no crash, no hang, every node, error and diagnostic located inside the file it names, loading deterministic.
enum ConfigFuzzer {
    /// The line that splits one input into several files of a config root (so merging is fuzzed too).
    static let separator = Array("\n# ---8<---\n".utf8)

    /// Reads each file of the input as YAML, then loads them all as one config root, twice.
    static func run(_ bytes: [UInt8]) {
        let files = split(bytes).enumerated().map { SourceFile(path: "root/file-\($0.offset).yaml", bytes: $0.element) }
        var extents: [String: FileExtent] = [:]
        for file in files {
            let extent = FileExtent(file.bytes)
            extents[file.path] = extent
            read(file, extent)
        }
        let loaded = ConfigLoader.load(files)
        for diagnostic in loaded.diagnostics {
            require(!diagnostic.message.isEmpty, "a diagnostic without a message")
            let ranges = [diagnostic.range] + diagnostic.notes.map(\.range)
            for range in ranges.compactMap({ $0 }) {
                guard let extent = extents[range.file] else {
                    fail("'\(diagnostic.message)' names \(range.file), not a file read")
                }
                extent.require(range, "'\(diagnostic.message)'")
            }
        }
        let again = ConfigLoader.load(files)
        require(
            again.diagnostics == loaded.diagnostics && again.config == loaded.config,
            "loading the same files twice differed")
    }

    /// Reads one file as YAML: every node lies inside it, or the error does.
    static func read(_ file: SourceFile, _ extent: FileExtent) {
        do {
            guard let root = try YAMLReader.read(file.bytes, file: file.path) else { return }
            var stack = [root]
            while let node = stack.popLast() {
                extent.require(node.range, "a node")
                switch node.content {
                case .scalar: break
                case .sequence(let items): stack += items
                case .mapping(let pairs): stack += pairs.flatMap { [$0.key, $0.value] }
                }
            }
        } catch {
            require(!error.message.isEmpty, "a syntax error without a message")
            extent.require(error.range, "syntax error '\(error.message)'")
            for note in error.notes { extent.require(note.range, "note '\(note.message)'") }
        }
    }

    /// The input cut at each separator line.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var files: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                files.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        files.append(Array(bytes[start...]))
        return files
    }
}

/// How far a file reaches: its lines (as libyaml breaks them) and their lengths, to tell a location inside it.
struct FileExtent {
    /// Each line's length in bytes, an upper bound on its length in Unicode scalars.
    private var lineLengths: [Int] = [0]

    /// Measures `bytes`, breaking lines at LF, CR, CRLF, NEL, LS and PS.
    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let rest = bytes[index...]
            let breakLength =
                if rest.starts(with: [0x0D, 0x0A]) || rest.starts(with: [0xC2, 0x85]) {
                    2
                } else if rest.starts(with: [0xE2, 0x80, 0xA8]) || rest.starts(with: [0xE2, 0x80, 0xA9]) {
                    3
                } else if bytes[index] == 0x0A || bytes[index] == 0x0D { 1 } else { 0 }
            if breakLength == 0 {
                lineLengths[lineLengths.count - 1] += 1
                index += 1
            } else {
                lineLengths.append(0)
                index += breakLength
            }
        }
    }

    /// Traps unless `range` starts no later than it ends and both ends name a line of the file and a column at most
    /// one past its end (or the start of the line after the last, where libyaml ends a stream).
    func require(_ range: SourceRange, _ what: @autoclosure () -> String) {
        for location in [range.start, range.end] {
            let inside =
                location.line == lineLengths.count + 1
                ? location.column == 1
                : location.line >= 1 && location.line <= lineLengths.count && location.column >= 1
                    && location.column <= lineLengths[location.line - 1] + 1
            ConfigFuzzer.require(
                inside, "\(what()) at \(location), outside the \(lineLengths.count) line(s) of \(range.file)")
        }
        ConfigFuzzer.require(range.start <= range.end, "\(what()) ends before it starts: \(range.start)-\(range.end)")
    }
}

extension ConfigFuzzer {
    /// Traps with `message` unless `condition` holds.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Traps: libFuzzer keeps the input that led here.
    static func fail(_ message: String) -> Never {
        fatalError("ConfigFuzzer: \(message)")
    }
}
