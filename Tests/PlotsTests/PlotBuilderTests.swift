import Basics
import Charts
import Foundation
import Pipeline
@testable import Plots
import Testing
import _TestSupport

/// x/y resolution with DVC's defaults, templates, errors, the page and its size.
@Suite struct PlotBuilderTests {
    static let location = SourceLocation(file: "pipeline.yaml", line: 3, column: 7)

    /// A revision whose files are `files` written to a temporary folder.
    static func revision(_ files: [String: String], name: String = "workspace", in directory: TemporaryDirectory) throws -> PlotRevision {
        for (path, text) in files { try directory.write(path, text) }
        let root = directory.path
        return PlotRevision(name: name) { path in
            FileManager.default.fileExists(atPath: root + "/" + path) ? root + "/" + path : nil
        }
    }

    static func plot(_ path: String, x: String? = nil, y: [String] = [], template: String? = nil) -> PlotDefinition {
        PlotDefinition(id: path, sources: [.init(declaredPath: path, path: path, x: x, y: y)], template: template, location: location)
    }

    @Test func defaultsAreTheRowIndexAndTheLastColumn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let revision = try Self.revision(["h.csv": "epoch,train,valid\n5,1,2\n6,0.5,1.5\n7,0.25,1\n"], in: directory)
        let plot = try PlotBuilder(revisions: [revision]).render(Self.plot("h.csv"))
        #expect(plot.series.count == 1)
        #expect(plot.series[0].xName == "step" && plot.series[0].yName == "valid")
        #expect(plot.series[0].x == .numbers([0, 1, 2]))
        #expect(plot.series[0].y.numbers == [2, 1.5, 1])
        #expect(plot.xLabel == "step" && plot.yLabel == "valid" && plot.template == .linear)
        let named = try PlotBuilder(revisions: [revision]).render(Self.plot("h.csv", x: "epoch", y: ["train", "valid"]))
        #expect(named.series.map(\.name) == ["train", "valid"])
        #expect(named.series[0].x.numbers == [5, 6, 7])
        #expect(named.charts.count == 1 && named.charts[0].series.count == 2)
    }

    @Test func aMissingColumnNamesTheFileAndItsColumns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let revision = try Self.revision(["h.csv": "step,loss\n0,1\n"], in: directory)
        do {
            _ = try PlotBuilder(revisions: [revision]).render(Self.plot("h.csv", x: "step", y: ["los"]))
            Issue.record("a missing column drew")
        } catch let diagnostic as Diagnostic {
            let text = diagnostic.description
            #expect(text.hasPrefix("pipeline.yaml:3:7: error: plot 'h.csv': y column 'los' is not in h.csv"))
            #expect(diagnostic.hint == "did you mean 'loss'? its columns: step, loss")
        }
    }

    @Test func anUnknownTemplateIsLocated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let revision = try Self.revision(["h.csv": "a,b\n0,1\n"], in: directory)
        #expect(throws: Diagnostic.self) { try PlotBuilder(revisions: [revision]).render(Self.plot("h.csv", template: "scater")) }
    }

    @Test func aFileNotYetWrittenIsANote() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let revision = try Self.revision([String: String](), in: directory)
        let plot = try PlotBuilder(revisions: [revision]).render(Self.plot("later.csv"))
        #expect(plot.series.isEmpty)
        #expect(plot.notes == ["later.csv does not exist yet: run sluice repro."])
    }

    @Test func imagesAreNotedAndOtherFilesRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let revision = try Self.revision(["eval/importance.png": "PNG", "notes.txt": "a,b\n"], in: directory)
        let image = try PlotBuilder(revisions: [revision]).render(Self.plot("eval/importance.png"))
        #expect(image.series.isEmpty && image.notes == ["eval/importance.png is an image: sluice draws data files (CSV, TSV, JSON, YAML) only."])
        #expect(throws: Diagnostic.self) { try PlotBuilder(revisions: [revision]).render(Self.plot("notes.txt")) }
    }

    @Test func confusionCountsActualAgainstPredicted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let revision = try Self.revision(["c.csv": "actual,predicted\n0,0\n0,1\n1,1\n1,1\n2,0\n"], in: directory)
        let plot = try PlotBuilder(revisions: [revision]).render(Self.plot("c.csv", x: "actual", y: ["predicted"], template: "confusion"))
        guard case .heatmap(let matrix)? = plot.charts.first?.series.first?.kind else { Issue.record("no heatmap"); return }
        #expect(matrix.columns == ["0", "1", "2"] && matrix.rows == ["0", "1", "2"])
        // rows are predicted classes, columns actual ones
        #expect(matrix.values == [[1, 0, 1], [1, 2, 0], [0, 0, 0]])
        let normalized = try PlotBuilder(revisions: [revision]).render(Self.plot("c.csv", x: "actual", y: ["predicted"], template: "confusion_normalized"))
        guard case .heatmap(let shares)? = normalized.charts.first?.series.first?.kind else { Issue.record("no heatmap"); return }
        #expect(shares.values == [[0.5, 0, 1], [0.5, 1, 0], [0, 0, 0]])
    }

    @Test func horizontalBarsTakeLabelsFromYAndLengthsFromX() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let revision = try Self.revision(["i.csv": "feature,gain\nAGE,1\nRM,5\nLSTAT,3\n"], in: directory)
        let plot = try PlotBuilder(revisions: [revision]).render(Self.plot("i.csv", x: "gain", y: ["feature"], template: "bar_horizontal_sorted"))
        guard case .horizontalBars(let bars)? = plot.charts.first?.series.first?.kind else { Issue.record("no bars"); return }
        #expect(bars == [Bar("RM", 5), Bar("LSTAT", 3), Bar("AGE", 1)])
    }

    @Test func smoothingIsACentredMovingAverage() {
        let points = (0..<5).map { ChartPoint(Double($0), Double($0 * $0)) }
        let smoothed = PlotCharts.smoothed(points, window: 3)
        let expected: [Double] = [0.5, 5.0 / 3, 14.0 / 3, 29.0 / 3, 12.5]
        let ys = smoothed.map(\.y)
        #expect(ys == expected)
        #expect(PlotCharts.smoothingWindow(5) == 1)
        #expect(PlotCharts.smoothingWindow(100) == 5)
        #expect(PlotCharts.smoothingWindow(200) == 11)
    }

    @Test func runsGetOneColourEachAndALegend() throws {
        let first = try TemporaryDirectory(), second = try TemporaryDirectory()
        defer { first.remove(); second.remove() }
        let revisions = [try Self.revision(["h.csv": "step,loss\n0,2\n1,1\n"], name: "run-a", in: first),
                         try Self.revision(["h.csv": "step,loss\n0,3\n1,2\n"], name: "run-b", in: second)]
        let report = try PlotsReport(definitions: [Self.plot("h.csv", x: "step", y: ["loss"])], revisions: revisions)
        let series = report.plots[0].charts[0].series
        #expect(series.map(\.name) == ["run-a", "run-b"])
        #expect(series.map(\.color) == [Palette.colorBlindSafe[0], Palette.colorBlindSafe[1]])
        let html = report.page(title: "Plots").html()
        #expect(html.contains(">run-a<") && html.contains(">run-b<"))
    }

    @Test func targetsSelectByNameFileOrStage() throws {
        var a = Self.plot("a.csv"), b = Self.plot("b.csv")
        a.stage = "train"
        b.stage = "sub/pipeline.yaml:evaluate"
        #expect(try PlotsReport.select([a, b], targets: ["b.csv"]) == [b])
        #expect(try PlotsReport.select([a, b], targets: ["train"]) == [a])
        #expect(try PlotsReport.select([a, b], targets: ["evaluate", "./a.csv"]) == [b, a])
        #expect(throws: Diagnostic.self) { try PlotsReport.select([a, b], targets: ["c.csv"]) }
    }

    @Test func aPipelineWithoutPlotsGetsAPageSayingSo() throws {
        let report = try PlotsReport(definitions: [], revisions: [])
        let html = report.page(title: "Plots").html()
        #expect(html.contains("This pipeline declares no plots."))
        #expect(!html.contains("<svg"))
    }

    /// A million points in one series: the page stays under 2 MB, and the min and max of
    /// the data still reach the picture (thinning keeps each pixel column's extremes).
    @Test func aMillionPointsAreThinnedBelowTwoMegabytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var text = "step,value\n"
        text.reserveCapacity(20_000_000)
        for index in 0..<1_000_000 {
            let spike = index == 777_777 ? 1000.0 : 0.0
            text += "\(index),\(Double(index % 1000) / 1000 + spike)\n"
        }
        for template in ["linear", "scatter"] {
            let revision = try Self.revision(["big.csv": text], in: directory)
            let report = try PlotsReport(definitions: [Self.plot("big.csv", x: "step", y: ["value"], template: template)], revisions: [revision])
            #expect(report.plots[0].series[0].x.count == 1_000_000)
            let html: String = report.page(title: "Big").html()
            #expect(html.utf8.count < 2_000_000, "\(template): \(html.utf8.count) bytes")
            if template == "linear" { #expect(html.contains(">1000<"), "the spike sets the y axis") }
        }
    }
}
