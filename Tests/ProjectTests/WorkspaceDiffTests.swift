import Basics
import Foundation
import Pipeline
import Project
import RunStore
import Testing

@Suite struct WorkspaceDiffTests {
    /// A workspace tracking `train` from params.yaml, with metrics in metrics.json.
    static func project(params: String, metrics: String? = nil) throws -> TestProject {
        var files = [
            "pipeline.yaml": """
                stages:
                  train:
                    cmd: echo
                    params: [train]
                    metrics: [{metrics.json: {cache: false}}]

                """,
            "params.yaml": params,
        ]
        if let metrics { files["metrics.json"] = metrics }
        return try TestProject(files)
    }

    static func run(params: FlatValues = FlatValues(), metrics: FlatValues = FlatValues()) -> StoredRun {
        StoredRun(
            directory: "/nowhere/runs/20261122-103000-abcd",
            record: RunRecord(id: "20261122-103000-abcd", startTime: Date(timeIntervalSince1970: 1_795_343_400), command: ["sluice", "repro"]),
            params: params, metrics: metrics)
    }

    static func flat(_ pairs: KeyValuePairs<String, JSONValue>) -> FlatValues {
        var values = FlatValues()
        for (key, value) in pairs { values[key] = value }
        return values
    }

    static let oldParams = flat(["train.epochs": .int(10), "train.depth": .int(6), "train.model": .string("gbdt"), "train.gone": .int(1)])
    static let newParams = "train:\n  epochs: 12\n  depth: 6.0\n  model: hist\n  added: true\n"

    @Test func onlyChangedRowsUnlessAll() throws {
        let project = try Self.project(params: Self.newParams)
        defer { project.directory.remove() }
        let pipeline = try project.workspace.loadPipeline()
        let changed = WorkspaceDiff(run: Self.run(params: Self.oldParams), workspace: pipeline, section: .params, all: false)
        // depth 6 and 6.0 are the same value.
        #expect(changed.rows.map(\.key) == ["train.epochs", "train.model", "train.gone", "train.added"])
        let all = WorkspaceDiff(run: Self.run(params: Self.oldParams), workspace: pipeline, section: .params, all: true)
        #expect(all.rows.map(\.key) == ["train.epochs", "train.depth", "train.model", "train.gone", "train.added"])
        #expect(all.warnings.isEmpty)
    }

    @Test func jsonHasOldNewAndANumericDiffPerKey() throws {
        let project = try Self.project(params: Self.newParams)
        defer { project.directory.remove() }
        let diff = WorkspaceDiff(run: Self.run(params: Self.oldParams), workspace: try project.workspace.loadPipeline(),
                                 section: .params, all: false)
        #expect(diff.json == .object([
            "run": .string("20261122-103000-abcd"),
            "params": .object([
                "train.epochs": .object(["old": .int(10), "new": .int(12), "diff": .double(2)]),
                "train.model": .object(["old": .string("gbdt"), "new": .string("hist")]),
                "train.gone": .object(["old": .int(1), "new": .null]),
                "train.added": .object(["old": .null, "new": .bool(true)]),
            ]),
        ]))
    }

    @Test func metricsCompareTheRunWithTheMetricsFilesUnderTheirSectionName() throws {
        let project = try Self.project(params: "train: {epochs: 1}\n", metrics: #"{"rmse": 1.25, "r2": 0.5}"#)
        defer { project.directory.remove() }
        let diff = WorkspaceDiff(run: Self.run(metrics: Self.flat(["rmse": .double(1.5), "r2": .double(0.5)])),
                                 workspace: try project.workspace.loadPipeline(), section: .metrics, all: false)
        #expect(diff.warnings.isEmpty)
        #expect(diff.json == .object([
            "run": .string("20261122-103000-abcd"),
            "metrics": .object(["rmse": .object(["old": .double(1.5), "new": .double(1.25), "diff": .double(-0.25)])]),
        ]))
    }

    @Test func aMetricsFileThatDoesNotParseIsAWarningOfTheDiff() throws {
        let project = try Self.project(params: "train: {epochs: 1}\n", metrics: "{not json")
        defer { project.directory.remove() }
        let diff = WorkspaceDiff(run: Self.run(metrics: Self.flat(["rmse": .double(1.5)])),
                                 workspace: try project.workspace.loadPipeline(), section: .metrics, all: false)
        #expect(diff.warnings.count == 1)
        #expect(diff.rows.map(\.key) == ["rmse"])
        #expect(diff.rows.first?.values[1] == nil)
    }

    @Test func nothingChangedGivesAnEmptySection() throws {
        let project = try Self.project(params: "train: {epochs: 10}\n")
        defer { project.directory.remove() }
        let diff = WorkspaceDiff(run: Self.run(params: Self.flat(["train.epochs": .int(10)])),
                                 workspace: try project.workspace.loadPipeline(), section: .params, all: false)
        #expect(diff.json == .object(["run": .string("20261122-103000-abcd"), "params": .object([(key: String, value: JSONValue)]())]))
    }
}
