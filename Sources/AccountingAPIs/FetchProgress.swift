import Foundation

/// How far a remote-state fetch has got, for a one-line display the CLI draws (the library never prints).
public struct FetchProgress: Sendable, Hashable, CustomStringConvertible {
    /// Parts finished.
    public var completed: Int
    /// Parts in all.
    public var total: Int
    /// The part that just finished ("Halo /Client", "exact_online.tenant[\"exact-nl\"]").
    public var finished: String
    /// Seconds since the fetch began.
    public var elapsed: Double

    /// A progress report as given.
    public init(completed: Int, total: Int, finished: String, elapsed: Double) {
        self.completed = completed
        self.total = total
        self.finished = finished
        self.elapsed = elapsed
    }

    /// "fetching remote state: 3/7 (Halo /Client), 4.2 s".
    public var description: String {
        "fetching remote state: \(completed)/\(total) (\(finished)), \(String(format: "%.1f", elapsed)) s"
    }
}
