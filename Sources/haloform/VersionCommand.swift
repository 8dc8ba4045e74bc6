import ArgumentParser

/// `haloform version`: the version, as `haloform --version` prints it.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print haloform's version.")

    func run() {
        Terminal.output("haloform \(Haloform.version)\n")
    }
}
