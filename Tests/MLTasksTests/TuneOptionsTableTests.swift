import Foundation
import MLTasks
import Testing

/// The tune options are declared once (`TuneConfiguration.options`): the README's table
/// under ### Tuning is rendered from them.
@Suite struct TuneOptionsTableTests {
    static func renderedTable() -> String {
        (["| key | default | what it does |", "|---|---|---|"]
            + TuneConfiguration.options.map { "| `\($0.name)` | `\($0.defaultValue)` | \($0.help) |" }).joined(separator: "\n")
    }

    @Test func readmeTableIsRenderedFromTheOptions() throws {
        let lines = try String(contentsOfFile: DriftOptionsTableTests.readme, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let heading = lines.firstIndex(of: "### Tuning") ?? lines.endIndex
        let table = lines[heading...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.joined(separator: "\n")
        #expect(table == Self.renderedTable(), "replace the table under ### Tuning in README.md with:\n\(Self.renderedTable())")
    }
}
