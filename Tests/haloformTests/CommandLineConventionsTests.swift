import Foundation
import Testing

/// What every command-line tool of this kind has: a version, completion scripts, and a switch for colour.
@Suite struct CommandLineConventionsTests {
    @Test("every command that uses logins takes --token-store with one help text")
    func tokenStoreOptionIsShared() async throws {
        var helps: [String: String] = [:]
        for command in ["plan", "apply", "doctor", "import", "login"] {
            let run = try await HaloformBinary.run([command, "--help"])
            #expect(run.status == 0, "\(run)")
            let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            guard let start = lines.firstIndex(where: { $0.hasPrefix("  --token-store <path>") }) else {
                Issue.record("\(command) --help does not offer --token-store <path>:\n\(run.stdout)")
                continue
            }
            // The option's line and the deeper-indented lines of its discussion.
            helps[command] = lines[start...].prefix { $0 == lines[start] || $0.hasPrefix("    ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        #expect(Set(helps.values).count == 1, "\(helps)")
        #expect(helps["plan"]?.contains("$HALOFORM_TOKEN_STORE") == true, "\(helps)")
    }

    @Test func versionAsFlagAndAsCommand() async throws {
        let flag = try await HaloformBinary.run(["--version"])
        let command = try await HaloformBinary.run(["version"])
        #expect(flag.status == 0 && command.status == 0)
        #expect(flag.stdout == "0.1.0\n")
        #expect(command.stdout == "haloform 0.1.0\n")
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScripts(_ shell: String) async throws {
        let run = try await HaloformBinary.run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run)")
        for word in ["plan", "apply", "validate", "detailed-exitcode", "no-color"] {
            #expect(run.stdout.contains(word), "\(shell) completion knows \(word)")
        }
    }

    /// On a terminal diagnostics are coloured, unless `--no-color` says otherwise.
    @Test func noColorOnATerminal() async throws {
        let root = try HaloformBinary.tempRoot(["bad.yaml": "halo:\n  url: \"sandbox:s.json\"\n  colour: blue\n"])
        func onTerminal(_ arguments: String) async throws -> HaloformBinary.Run {
            // script(1) gives the binary a pseudo-terminal for its standard streams.
            try await HaloformBinary.run(
                ["-qec", "\(HaloformBinary.executable.path) validate \(arguments) \(root.path)", "/dev/null"],
                program: URL(fileURLWithPath: "/usr/bin/script"), environment: ["NO_COLOR": "", "TERM": "xterm"])
        }
        let coloured = try await onTerminal("")
        #expect(coloured.status == 1, "\(coloured)")
        #expect(coloured.stdout.contains("unknown key 'colour'"))
        #expect(coloured.stdout.contains("\u{1B}["), "colour on a terminal: \(coloured)")
        let plain = try await onTerminal("--no-color")
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("unknown key 'colour'"))
        #expect(!plain.stdout.contains("\u{1B}["), "no colour with --no-color: \(plain)")
    }
}
