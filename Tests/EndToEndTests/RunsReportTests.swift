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
