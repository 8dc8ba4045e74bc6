/// The doctor's report for people: findings grouped by check with counts and fixes, then the work they block.
public struct DoctorTextRenderer {
    /// How many names the blocked-work summary lists before counting the rest (the groups above list them all).
    public var namesPerLine: Int

    /// Creates a renderer.
    public init(namesPerLine: Int = 10) {
        self.namesPerLine = namesPerLine
    }

    /// The report as text.
    public func render(_ report: DoctorReport) -> String {
        var out = ""
        let checked = report.checked
        out +=
            "Checked \(checked.tenants) tenant\(checked.tenants == 1 ? "" : "s"), \(checked.customers) customers, \(checked.products) products"
            + " and \(checked.suppliers) suppliers.\n"
        for (check, findings) in report.groups {
            out += "\n\(check.title) (\(findings.count))\n"
            out += "  fix: \(check.fix)\n"
            for finding in findings {
                let name = finding.id.map { "\(finding.name) (#\($0))" } ?? finding.name
                let tenant =
                    finding.tenant.map(\.description).flatMap { $0 == finding.name ? nil : $0 }.map { " [\($0)]" } ?? ""
                out += "  - \(name)\(tenant): \(finding.reason)\n"
            }
        }
        if !report.blocked.isEmpty {
            out += "\nThese findings will stop:\n"
            for line in report.blocked.everything { out += "  - \(line)\n" }
            for (names, what, noun) in [
                (report.blocked.customers, "invoices of", "customer"),
                (report.blocked.products, "invoices with a line of", "product"),
                (report.blocked.suppliers, "purchase orders of", "supplier"),
            ] where !names.isEmpty {
                let shown =
                    names.prefix(namesPerLine).map(\.description).joined(separator: ", ")
                    + (names.count > namesPerLine ? " and \(names.count - namesPerLine) more" : "")
                out += "  - \(what) \(names.count) \(noun)\(names.count == 1 ? "" : "s"): \(shown)\n"
            }
        }
        let count = { (severity: DoctorCheck.Severity) in report.findings.filter { $0.check.severity == severity }.count
        }
        let tally = [(count(.problem), "problem"), (count(.recommendation), "recommendation"), (count(.note), "note")]
            .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", ")
        out += report.findings.isEmpty ? "\nNo problems found.\n" : "\n\(tally).\n"
        return out
    }
}
