import Foundation
import MLTasks
import Testing
import _TestSupport

/// The drift options are declared once (`DriftConfiguration.options`): the README's
/// table is rendered from them, and the defaults they state are the ones in force.
@Suite struct DriftOptionsTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    static func renderedTable() -> String {
        (["| key | default | what it does |", "|---|---|---|"]
            + DriftConfiguration.options.map { "| `\($0.name)` | `\($0.defaultValue)` | \($0.help) |" }).joined(separator: "\n")
    }

    @Test func readmeTableIsRenderedFromTheOptions() throws {
        let lines = try String(contentsOfFile: Self.readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let heading = lines.firstIndex(of: "### Drift") ?? lines.endIndex
        let table = lines[heading...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.joined(separator: "\n")
        #expect(table == Self.renderedTable(), "replace the table under ### Drift in README.md with:\n\(Self.renderedTable())")
    }

    @Test func statedDefaultsAreTheDefaults() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let yaml = "drift:\n" + DriftConfiguration.options.map { "  \($0.name): \($0.defaultValue)" }.joined(separator: "\n") + "\n"
        let path = try dir.write("params.yaml", yaml)
        let stated = try DriftConfiguration(ParamsSection.load(path: path, displayName: "params.yaml", section: "drift"))
        let defaults = DriftConfiguration()
        #expect(stated.numericMethod == defaults.numericMethod && stated.categoricalMethod == defaults.categoricalMethod)
        #expect(stated.autoSize == defaults.autoSize && stated.pValue == defaults.pValue && stated.distance == defaults.distance)
        #expect(stated.psiModerate == defaults.psiModerate && stated.psiSevere == defaults.psiSevere)
        #expect(stated.missingRateChange == defaults.missingRateChange && stated.severeShare == defaults.severeShare)
        #expect(stated.criticalShare == defaults.criticalShare && stated.bonferroni == defaults.bonferroni)
    }
}
