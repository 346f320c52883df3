import Foundation
import Testing
import _TestSupport

/// `sluice runs report` on the run store of the metrics fixture.
@Suite struct RunsReportTests {
    @Test func aPageAboutTwoRunsWithTheirCurves() throws {
        let (project, _) = try RunInspectionTests.project()
        defer { project.directory.remove() }
        let result = try project.run(["runs", "report", "baseline", "latest", "--out", "reports/runs.html"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Wrote reports/runs.html (2 runs)\n")
        let html = try String(contentsOfFile: project.directory.path + "/reports/runs.html", encoding: .utf8)
        #expect(html.contains("<title>2 runs compared</title>"))
        #expect(html.contains(">tuned<") && html.contains(">baseline<"))
        // The loss curve and the time per stage.
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2)
        #expect(html.contains(">train.lr</td>"))
    }

    @Test func theLatestRunByDefault() throws {
        let (project, ids) = try RunInspectionTests.project()
        defer { project.directory.remove() }
        let result = try project.run(["runs", "report"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Wrote report.html (run \(ids[2]))\n")
    }

    @Test func anUnknownRunIsAnErrorAndWritesNothing() throws {
        let (project, _) = try RunInspectionTests.project()
        defer { project.directory.remove() }
        let result = try project.run(["runs", "report", "tunde"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: no run 'tunde' in runs/"))
        #expect(!FileManager.default.fileExists(atPath: project.directory.path + "/report.html"))
    }

    @Test func aProjectWithoutRunsGetsAPageThatSaysSo() throws {
        let project = try FixtureProject("metrics")
        defer { project.directory.remove() }
        let result = try project.run(["runs", "report"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOfFile: project.directory.path + "/report.html", encoding: .utf8)
        #expect(html.contains("There are no recorded runs to report on"))
    }
}

extension RunsReportTests {
    /// The pipeline's plots, drawn from each run's own outputs, are part of the report.
    @Test func theDeclaredPlotsOfEachRunAreOnThePage() throws {
        let project = try PlotsCommandTests.project(rounds: [1, 2])
        defer { project.directory.remove() }
        let plots = try project.run(["plots", "diff", "latest~1", "latest", "--out", "diff.html"])
        #expect(plots.status == 0, "stderr: \(plots.stderr)")
        let result = try project.run(["runs", "report", "latest~1", "latest", "--out", "report.html"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try project.read("report.html"), diff = try project.read("diff.html")
        #expect(report.contains(">Plots</h2>"))
        // Every chart plots diff draws, plus the report's own (time per stage, and no step metrics here).
        #expect(PlotsCommandTests.charts(report) == PlotsCommandTests.charts(diff) + 1)
    }
}
