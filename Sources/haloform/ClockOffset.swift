import Foundation
import HaloformCore

/// `HALOFORM_CLOCK_OFFSET`: a fixed shift of the wall clock (`90s`, `15m`, `1h`, `31d`, `-1h`; a bare number is
/// seconds) that the clients and the in-process sandbox share, so an end-to-end test can run "a day later" without
/// waiting. Read at the edge, and accepted only against the sandbox.
enum ClockOffset {
    /// The variable's name.
    static let variable = "HALOFORM_CLOCK_OFFSET"

    /// The offset in seconds a text gives, or nil when it is not a number with an optional unit s, m, h or d.
    static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return nil }
        let unit = TimeSpan.units[last]
        guard let number = Double(unit == nil ? trimmed : String(trimmed.dropLast())), number.isFinite else {
            return nil
        }
        return number * (unit ?? 1)
    }

    /// The offset the environment sets, 0 when unset; a malformed value, or any value without a sandbox, is an error.
    static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, sandbox: Bool
    ) throws -> TimeInterval {
        guard let text = environment[variable], !text.isEmpty else { return 0 }
        guard sandbox else {
            throw CommandFailure(
                "\(variable) moves the clock only against the sandbox (halo.url: sandbox:…); unset it for a real Halo")
        }
        guard let offset = parse(text) else {
            throw CommandFailure("\(variable): '\(text)' is not an offset such as 3600s, 90m, 1h or 31d")
        }
        return offset
    }
}
