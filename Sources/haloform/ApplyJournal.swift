import AccountingAPIs
import Foundation
import HaloformCore

/// The trace an apply leaves while it runs, beside the token store (`apply-journal-<halo>.json`): written before each
/// request with what Halo has accepted so far and the request in flight, and removed when the apply completes. One
/// that is still there means an apply died or failed part way, so the next plan and apply say that Halo is half
/// written before planning the rest.
struct ApplyJournal: Codable, Sendable {
    /// The Halo the apply wrote to, as the config names it.
    var halo: String
    /// When the apply started.
    var startedAt: Date
    /// How many requests its plan had.
    var requests: Int
    /// How many Halo accepted.
    var accepted: Int
    /// The last request Halo accepted (`POST /Tax (…)`), if any.
    var lastAccepted: String?
    /// The request sent but not answered, if any: it may or may not have reached Halo.
    var inFlight: String?

    enum CodingKeys: String, CodingKey {
        case halo, requests, accepted
        case startedAt = "started_at", lastAccepted = "last_accepted", inFlight = "in_flight"
    }

    /// The journal's file for a Halo, in the token store's folder.
    static func path(halo: String, tokenStore: String) -> String {
        let name = String(halo.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return (tokenStore as NSString).deletingLastPathComponent + "/apply-journal-\(name).json"
    }

    /// The journal an earlier apply left at `path`, if any.
    static func read(_ path: String) -> ApplyJournal? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(ApplyJournal.self, from: data)
    }

    /// Writes the journal to `path` atomically (a killed apply leaves the previous version, never half a file).
    func write(_ path: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Removes the journal at `path`: the apply completed.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The plain words the next plan and apply print about a journal left behind.
    var notice: String {
        let started = ISO8601DateFormatter().string(from: startedAt)
        var text =
            "note: the apply started \(started) did not finish: Halo accepted \(accepted) of its "
            + "\(Quantity(requests, "request"))"
        if let lastAccepted { text += ", the last \(lastAccepted)" }
        text += ". Halo is half written: what that apply created may still lack what its later requests would add."
        if let inFlight {
            text += " Its request \(inFlight) was sent but never answered, so Halo may or may not have it."
        }
        return text + " The plan below is made from what Halo holds now and finishes that work; a tenant created "
            + "then is updated, not created again.\n"
    }
}

extension Connection {
    /// Where this connection's applies keep their journal.
    var journalPath: String { ApplyJournal.path(halo: haloName, tokenStore: fetcher.accounting.tokenStore.path) }

    /// Prints, before planning, the notice of an earlier apply to this Halo that did not finish, if one did not.
    func reportUnfinishedApply() {
        if let journal = ApplyJournal.read(journalPath) { Terminal.error(journal.notice) }
    }
}
