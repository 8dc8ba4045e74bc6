/// The doctor's report for machines: versioned, checks with counts and every finding.
public struct DoctorDocument: Sendable, Hashable, Encodable {
    /// One check's findings.
    public struct Check: Sendable, Hashable, Encodable {
        /// The check's id.
        public var check: DoctorCheck
        /// Its heading.
        public var title: String
        /// The guide's fix.
        public var fix: String
        /// problem (it stops a sync), recommendation or note.
        public var severity: DoctorCheck.Severity
        /// How many findings.
        public var count: Int
        /// The findings.
        public var findings: [DoctorFinding]
    }

    /// The document's version, raised when a field changes meaning.
    public var formatVersion = 1
    /// Whether nothing stops a sync.
    public var clean: Bool
    /// What was checked.
    public var checked: DoctorReport.Checked
    /// The checks that found something, in order.
    public var checks: [Check]
    /// What the findings stop.
    public var blocked: DoctorReport.Blocked

    /// The document of a report.
    public init(_ report: DoctorReport) {
        clean = report.isClean
        checked = report.checked
        checks = report.groups.map {
            Check(
                check: $0.check, title: $0.check.title, fix: $0.check.fix, severity: $0.check.severity,
                count: $0.findings.count, findings: $0.findings)
        }
        blocked = report.blocked
    }
}
