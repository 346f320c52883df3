import Basics
import Pipeline
import Project
import RunStore
import Testing

@Suite struct WorkspaceValuesTests {
    static let params = """
        train:
          lr: 0.1
          depth: 6
          nested: {a: 1}
        evaluate:
          threshold: 0.5
        unused: 9

        """

    static let pipeline = """
        stages:
          train:
            cmd: echo train
            params:
              - train
              - config/model.yaml: [depth]
          evaluate:
            cmd: echo evaluate
            params: [evaluate.threshold, train.lr]
            metrics:
              - metrics/scores.json: {cache: false}
              - metrics/extra.yaml: {cache: false}
        metrics: [summary.json]

        """

    static func project(_ extra: [String: String] = [:]) throws -> TestProject {
        try TestProject(["pipeline.yaml": pipeline, "params.yaml": params, "config/model.yaml": "depth: 4\nwidth: 8\n"]
            .merging(extra) { $1 })
    }

    @Test func paramsAreTheTrackedKeysFlattenedInStageOrder() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let values = WorkspaceValues.params(of: try project.workspace.loadPipeline())
        // train.lr is tracked twice but recorded once; `unused` and config's `width` are not tracked.
        #expect(values.keys == ["train.lr", "train.depth", "train.nested.a", "config/model.yaml:depth", "evaluate.threshold"])
        #expect(values["train.lr"] == .double(0.1))
        #expect(values["train.depth"] == .int(6))
        #expect(values["config/model.yaml:depth"] == .int(4))
    }

    @Test func aWholeParamsFileIsFlattenedUnderItsPath() throws {
        let project = try TestProject([
            "pipeline.yaml": "stages:\n  s:\n    cmd: echo\n    params:\n      - config/model.yaml:\n",
            "config/model.yaml": "depth: 4\nlayers: {n: 2}\n",
        ])
        defer { project.directory.remove() }
        let values = WorkspaceValues.params(of: try project.workspace.loadPipeline())
        #expect(values.keys == ["config/model.yaml:depth", "config/model.yaml:layers.n"])
    }

    @Test func metricsFilesAreTheStagesThenTheTopLevelOnes() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        #expect(WorkspaceValues.metricsFiles(of: try project.workspace.loadPipeline())
            == ["metrics/scores.json", "metrics/extra.yaml", "summary.json"])
    }

    @Test func metricsAreFlattenedAndACollidingKeyIsPrefixedWithItsFile() throws {
        let project = try Self.project([
            "metrics/scores.json": #"{"rmse": 1.5, "detail": {"mae": 0.5}}"#,
            "metrics/extra.yaml": "rmse: 2.0\nr2: 0.9\n",
            "summary.json": #"{"detail": {"mae": 7}}"#,
        ])
        defer { project.directory.remove() }
        let (values, warnings) = WorkspaceValues.metrics(of: try project.workspace.loadPipeline())
        #expect(warnings.isEmpty)
        #expect(values.keys == ["rmse", "detail.mae", "metrics/extra.yaml:rmse", "r2", "summary.json:detail.mae"])
        #expect(values["rmse"] == .double(1.5))
        #expect(values["metrics/extra.yaml:rmse"] == .double(2.0))
        #expect(values["summary.json:detail.mae"] == .int(7))
    }

    @Test func aMissingMetricsFileIsNeitherAValueNorAWarning() throws {
        let project = try Self.project(["metrics/extra.yaml": "r2: 0.9\n"])
        defer { project.directory.remove() }
        let (values, warnings) = WorkspaceValues.metrics(of: try project.workspace.loadPipeline())
        #expect(values.keys == ["r2"])
        #expect(warnings.isEmpty)
    }

    @Test(arguments: [
        ("metrics/scores.json", #"{"rmse": "#, "does not parse"),
        // .json files are read strictly: YAML in a .json file is an error, not a mapping.
        ("metrics/scores.json", "rmse: 1.5\n", "does not parse"),
        ("metrics/extra.yaml", "r2: [0.9\n", "does not parse"),
        ("metrics/extra.yaml", "12\nthreshold=0.5\n", "is not a JSON or YAML mapping"),
    ])
    func aMetricsFileThatDoesNotReadIsAWarningAndTheOthersStillCount(file: String, text: String, problem: String) throws {
        let project = try Self.project([
            "metrics/scores.json": #"{"rmse": 1.5}"#, "metrics/extra.yaml": "r2: 0.9\n", "summary.json": #"{"n": 3}"#,
        ].merging([file: text]) { $1 })
        defer { project.directory.remove() }
        let (values, warnings) = WorkspaceValues.metrics(of: try project.workspace.loadPipeline())
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("'\(file)' \(problem)") == true, "\(warnings)")
        #expect(values["n"] == .int(3))
        #expect(!values.keys.contains { $0.hasPrefix(file) })
        #expect(values.keys.count == 2)
    }
}
