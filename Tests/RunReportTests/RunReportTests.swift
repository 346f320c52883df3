import Basics
import Charts
import Foundation
import RunStore
import Testing
import _TestSupport
@testable import RunReport

@Suite struct RunReportTests {
    /// A run in `directory` with the given values and a two-point loss curve scaled by `loss`.
    static func run(
        _ directory: TemporaryDirectory, id: String, name: String? = nil, params: JSONValue, metrics: JSONValue, loss: Double
    ) throws -> StoredRun {
        let lines = (0..<2).map { step in
            "{\"key\":\"train/loss\",\"step\":\(step),\"value\":\(loss / Double(step + 1)),\"time\":1795343400}"
        }
        _ = try directory.write("\(id)/history.jsonl", lines.joined(separator: "\n") + "\n")
        let record = RunRecord(
            id: id, name: name, status: .finished, startTime: Date(timeIntervalSince1970: 1_795_343_400),
            endTime: Date(timeIntervalSince1970: 1_795_343_412), command: ["sluice", "repro"],
            stages: [
                StageRecord(name: "prepare", action: .restored, reasons: ["params changed"], duration: 0.25),
                StageRecord(name: "train", action: .executed, reasons: ["params changed"], duration: 4.5),
            ])
        return StoredRun(directory: directory.path + "/" + id, record: record, params: FlatValues(json: params), metrics: FlatValues(json: metrics))
    }

    static func twoRuns(_ directory: TemporaryDirectory) throws -> [StoredRun] {
        [
            try run(directory, id: "20261122-103015-aaaa", name: "baseline",
                    params: .object([("train", .object([("lr", .double(0.1)), ("depth", .int(4))]))]),
                    metrics: .object([("rmse", .double(3.968546622909052)), ("level", .string("none")), ("share", .double(0))]), loss: 1),
            try run(directory, id: "20261122-103115-bbbb",
                    params: .object([("train", .object([("lr", .double(0.2)), ("depth", .int(4))]))]),
                    metrics: .object([("rmse", .double(3.5)), ("level", .string("severe")), ("share", .double(0.5)),
                                      ("drifted", .array([.string("RM"), .string("LSTAT")]))]), loss: 2),
        ]
    }

    @Test func changedParamsComeFirstAndAreHighlighted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let section = RunReport(runs: try Self.twoRuns(directory)).paramsSection()
        guard case .table(let table) = section.blocks.last else { Issue.record("no table"); return }
        #expect(table.rows.map { $0[0].text } == ["train.lr", "train.depth"])
        #expect(table.rows[0].map(\.emphasis) == [.highlight, .highlight, .highlight])
        #expect(table.rows[1][1].emphasis == .none)
        #expect(section.blocks.first == .paragraph("1 of 2 params differ between the runs (highlighted, listed first).", .none))
    }

    @Test func metricsShowDeltasFromTheFirstRun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let section = RunReport(runs: try Self.twoRuns(directory)).metricsSection()
        guard case .table(let table) = section.blocks.last else { Issue.record("no table"); return }
        #expect(table.header == ["metric", "baseline", "20261122-103115-bbbb", "Δ 20261122-103115-bbbb"])
        let rmse = try #require(table.rows.first { $0[0].text == "rmse" })
        #expect(rmse.map(\.text) == ["rmse", "3.9685", "3.5", "-0.46855"])
    }

    @Test func theDriftVerdictIsFoundByItsKeys() throws {
        let verdict = RunReport.driftVerdict(FlatValues(json: .object([
            ("rows", .int(3)), ("metrics/drift.json:level", .string("critical")), ("metrics/drift.json:share", .double(0.75)),
            ("metrics/drift.json:drifted", .array([.string("a")])),
        ])))
        #expect(verdict?.level == "critical")
        #expect(verdict?.share == 0.75)
        #expect(verdict?.drifted == ["a"])
        #expect(RunReport.driftVerdict(FlatValues(json: .object([("level", .string("high")), ("share", .double(1))]))) == nil)
        #expect(RunReport.driftVerdict(FlatValues(json: .object([("level", .string("none"))]))) == nil)
    }

    @Test func thePageHasEverySectionAndOneCurvePerRun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let html = RunReport(runs: try Self.twoRuns(directory)).html()
        for heading in ["Drift", "Metrics", "Params", "Stages", "Step metrics"] { #expect(html.contains(">\(heading)</h2>"), "\(heading)") }
        // Time per stage and the loss curve.
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2)
        #expect(html.contains("severe"))
        #expect(html.contains("RM, LSTAT"))
        #expect(!html.contains("http://") && !html.contains("https://") || html.contains("http://www.w3.org/2000/svg"))
        let curve = try #require(RunReport(runs: try Self.twoRuns(directory)).historySection().blocks.first)
        guard case .charts(let charts, _, _) = curve else { Issue.record("no charts"); return }
        #expect(charts.map { $0.series.map(\.name) } == [["baseline", "20261122-103115-bbbb"]])
    }

    @Test func noRunsGiveAPageThatSaysSo() {
        let page = RunReport(runs: []).page()
        #expect(page.title == "No runs")
        #expect(page.blocks == [.paragraph("There are no recorded runs to report on: 'sluice repro' records one.", .muted)])
    }

    @Test func aRunWithoutStagesOrHistorySaysSo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = StoredRun(directory: directory.path, record: RunRecord(id: "r", status: .failed, startTime: Date(), command: ["sluice"]))
        let report = RunReport(runs: [run])
        #expect(report.timelineSection().blocks == [.paragraph("No stage was recorded.", .muted)])
        #expect(report.historySection().blocks == [.paragraph("No step metrics were logged.", .muted)])
        #expect(report.metricsSection().blocks == [.paragraph("No numeric metrics were recorded.", .muted)])
        #expect(report.summaryItems().first { $0.name == "status" }?.emphasis == .bad)
    }
}

extension RunReportTests {
    @Test func headlineMetricsThenChangedOnesLeadTheTable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var runs = try Self.twoRuns(directory)
        for index in runs.indices {
            runs[index].metrics = FlatValues(json: .object([("rows", .int(506)), ("mae", .double(Double(index))), ("r2", .double(0.8))]))
        }
        let section = RunReport(runs: runs, headline: ["r2", "absent"]).metricsSection()
        guard case .table(let table) = section.blocks.last else { Issue.record("no table"); return }
        #expect(table.rows.map { $0[0].text } == ["r2", "mae", "rows"])
    }
}

extension RunReportTests {
    @Test func longValuesAreCutSoTablesFitThePage() {
        let long = JSONValue.array((0..<20).map { .string("COLUMN\($0)") })
        let cell = RunReport.cell(long)
        #expect(cell.text.count == RunReport.cellTextLimit)
        #expect(cell.text.hasSuffix("…") && cell.text.hasPrefix("[\"COLUMN0\",\"COLUMN1\""))
        #expect(RunReport.cell(.string("short")).text == "short")
        #expect(RunReport.cell(nil).text == "-")
    }
}
