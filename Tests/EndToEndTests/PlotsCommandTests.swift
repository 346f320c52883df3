import Foundation
import Testing
import _TestSupport

/// `sluice plots show|diff` on the plots fixture: every data format and template, two runs.
@Suite struct PlotsCommandTests {
    /// The number of charts on a page (each chart is an `<svg class="chart">`).
    static func charts(_ html: String) -> Int { html.components(separatedBy: "<svg class=\"chart\"").count - 1 }

    /// The fixture after `sluice repro`, with the round set to `round`.
    static func project(rounds: [Int] = [1]) throws -> FixtureProject {
        let project = try FixtureProject("plots")
        for round in rounds {
            try project.write("params.yaml", "round: \(round)\n")
            try project.repro()
        }
        return project
    }

    @Test func showWritesOneOfflinePageWithAChartPerPlot() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let result = try project.run(["plots", "show", "--out", "out.html"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Wrote out.html: 5 plots, 5 charts."))
        let html = try project.read("out.html")
        #expect(Self.charts(html) == 5)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(html.contains("default-src 'none'"))
        for title in ["Loss", "out/importance.json", "out/confusion.tsv", "out/points.yaml", "Loss by file"] {
            #expect(html.contains("<title>\(title)</title>"), "\(title)")
        }
    }

    @Test func showSelectsTargetsAndPrintsJSON() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let result = try project.run(["plots", "show", "out/history.csv", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let plots = try #require(object["plots"] as? [[String: Any]])
        // The file is drawn by its own plot and by the top-level plot that reads it too.
        #expect(plots.map { $0["title"] as? String } == ["Loss", "Loss by file"])
        #expect(plots[0]["template"] as? String == "linear")
        let series = try #require(plots[0]["series"] as? [[String: Any]])
        #expect(series.map { $0["y"] as? String } == ["train", "valid"])
        #expect((series[0]["x_values"] as? [Double])?.count == 30)
        #expect((series[0]["y_values"] as? [Double])?.first == 1)
        #expect(!project.exists("plots.html"), "--json writes no page")
    }

    @Test func diffOverlaysTwoRunsWithALegend() throws {
        let project = try Self.project(rounds: [1, 3])
        defer { project.directory.remove() }
        // Oldest first, as `runs list` orders them (two runs in one second do not sort by folder name).
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(try project.run(["runs", "list", "--json"]).stdout.utf8)) as? [[String: Any]])
        let runs = listed.compactMap { $0["id"] as? String }.reversed().map { $0 }
        #expect(runs.count == 2)
        // The workspace now holds round 3: the older run's data must come from the cache.
        let result = try project.run(["plots", "diff", runs[0], runs[1], "--out", "diff.html"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try project.read("diff.html")
        for run in runs { #expect(html.contains("<text x=") && html.contains(">\(run): train<"), "legend entry of \(run)") }
        #expect(!html.contains("http://") && !html.contains("https://"))
        // A confusion grid per run, one chart for each other plot.
        #expect(Self.charts(html) == 6)

        let json = try project.run(["plots", "diff", runs[0], runs[1], "--json", "--target", "out/history.csv"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["revisions"] as? [String] == runs)
        let series = try #require((object["plots"] as? [[String: Any]])?.first?["series"] as? [[String: Any]])
        let firstValues = try #require(series.first { $0["name"] as? String == "\(runs[0]): train" }?["y_values"] as? [Double])
        let lastValues = try #require(series.first { $0["name"] as? String == "\(runs[1]): train" }?["y_values"] as? [Double])
        #expect(firstValues[0] == 1 && lastValues[0] == 3, "each run's own data")
    }

    @Test func aMissingColumnNamesTheFileAndItsColumns() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let pipeline = try project.read("pipeline.yaml")
        try project.write("pipeline.yaml", pipeline.replacingOccurrences(of: "y: [train, valid]", with: "y: [train, validation]"))
        let result = try project.run(["plots", "show"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pipeline.yaml:8:9: error: plot 'out/history.csv': y column 'validation' is not in out/history.csv"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("its columns: step, train, valid"))
    }

    @Test func aPipelineWithoutPlotsSaysSo() throws {
        let project = try FixtureProject("plots")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  a:\n    cmd: 'true'\n")
        let result = try project.run(["plots", "show"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try project.read("plots.html")
        #expect(html.contains("This pipeline declares no plots.") && Self.charts(html) == 0)
    }

    @Test func openUsesTheSystemOpenerOrSaysThereIsNone() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        try project.write("bin/xdg-open", "#!/bin/sh\necho \"$1\" > \"$(dirname \"$0\")/opened\"\n")
        chmod(project.directory.url("bin/xdg-open"), 0o755)
        let opened = try project.run(["plots", "show", "--open"], environment: ["PATH": project.directory.url("bin") + ":/usr/bin:/bin"])
        #expect(opened.status == 0 && opened.stdout.contains("with xdg-open"), "stdout: \(opened.stdout)")
        project.waitFor("bin/opened")
        #expect(try project.read("bin/opened").hasSuffix("/plots.html\n"))
        let none = try project.run(["plots", "show", "--open"], environment: ["PATH": project.directory.url("empty")])
        #expect(none.status == 0 && none.stdout.contains("No xdg-open or open on PATH"), "stdout: \(none.stdout)")
    }
}
