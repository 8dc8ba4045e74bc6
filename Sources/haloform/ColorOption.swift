import ArgumentParser
import Foundation

/// `--no-color`: plain output even on a terminal, as `NO_COLOR` gives.
struct ColorOption: ParsableArguments {
    @Flag(help: "Print no colour, even on a terminal (as NO_COLOR=1 does).")
    var noColor = false

    /// Sets `NO_COLOR` for the rest of the run, so every printer follows the one switch `Terminal` reads.
    mutating func validate() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
    }
}
