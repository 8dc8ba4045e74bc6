import Foundation

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Whether a stream is a terminal and colour is wanted: never with `NO_COLOR` set.
    static func wantsColor(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Writes text to standard error.
    static func error(_ text: String) {
        write(text, to: 2)
    }

    /// Writes text to standard output.
    static func output(_ text: String) {
        write(text, to: 1)
    }

    /// Writes UTF-8 text to standard output.
    static func output(bytes: [UInt8]) {
        write(bytes, to: 1)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    /// Writes all of `text`; a reader that went away (`haloform plan | head`) ends the output quietly, as in any Unix tool.
    private static func write(_ text: [UInt8], to descriptor: Int32) {
        ignoreBrokenPipes
        var bytes = text[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// SIGPIPE would kill the process mid-write; EPIPE from `write` is handled instead.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()
}
