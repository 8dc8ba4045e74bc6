import ChildProcesses
import Foundation
import Testing

/// Debian's Chromium, headless, reading a page as a person's browser would: the browser tests of the HTML plan report.
/// `Tests/chromium` installs it on first use; a machine where it cannot fails the test with the reason.
enum HeadlessChromium {
    /// A page's DOM once its scripts ran at load, and how long the browser took from start to exit.
    struct Page {
        var dom: String
        var seconds: Double
    }

    /// The DOM of the page at `url` (a `file:` URL, with a fragment the page's script may read) after its load.
    static func dom(of url: String) async throws -> Page {
        let (child, seconds) = try await run(["--dump-dom", url])
        return Page(dom: child.output, seconds: seconds)
    }

    /// A PNG of the page at `url` in a window of `width` by `height` CSS pixels.
    static func screenshot(of url: String, width: Int, height: Int) async throws -> Data {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("haloform-shot-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await run(["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(file.path)", url])
        return try Data(contentsOf: file)
    }

    /// The width and height a PNG's header gives.
    static func dimensions(ofPNG data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]),
            String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR"
        else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    /// Runs the browser with `arguments`: no sandbox (the tests run as root), a throwaway profile, no network of its
    /// own, and a timeout long enough for the first run, which installs it.
    private static func run(_ arguments: [String]) async throws -> (ChildProcess, Double) {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("haloform-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let program = HaloformBinary.packageRoot.appendingPathComponent("Tests/chromium").path
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
        ]
        let started = ContinuousClock.now
        let child = try ChildProcess(program, flags + arguments, environment: ProcessInfo.processInfo.environment)
        let (termination, overran) = await child.exit(killingAfter: 900)
        let seconds = (ContinuousClock.now - started).seconds
        let errors = String(child.errors.suffix(4_000))
        try #require(!overran, "chromium \(arguments.joined(separator: " ")) ran past 900 s:\n\(errors)")
        try #require(
            termination == .exited(0),
            "headless chromium failed (\(termination); Tests/chromium installs Debian's chromium package):\n\(errors)")
        return (child, seconds)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
