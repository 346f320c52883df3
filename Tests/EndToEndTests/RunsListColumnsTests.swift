import Foundation
import Testing
import _TestSupport

/// Which metrics `runs list` shows: those people compare runs by, not the first
/// stage's counts.
@Suite struct RunsListColumnsTests {
    /// The metrics fixture with a first stage that writes counts as metrics too.
    static func project(runs: String = "") throws -> FixtureProject {
        let project = try FixtureProject("metrics")
        try project.write("pipeline.yaml", """
            stages:
              prepare:
                cmd: sh count.sh
                deps: [data/raw.txt, count.sh]
                outs: [data/prepared.txt]
                metrics:
                  - metrics/counts.json: {cache: false}
              train:
                cmd: sh train.sh ${train.lr} ${train.depth}
                deps: [data/prepared.txt, train.sh]
                params: [train]
                outs: [model.txt]
                metrics:
                  - metrics/scores.json: {cache: false}
            \(runs)
            """)
        try project.write("count.sh", """
            tr a-z A-Z < data/raw.txt > data/prepared.txt
            mkdir -p metrics
            echo '{"rows": 3, "columns": 1, "bytes": 10, "lines": 2}' > metrics/counts.json

            """)
        let report = try project.repro()
        #expect(report.run != nil)
        return project
    }

    /// The header line of `runs list`.
    static func header(_ project: FixtureProject) throws -> [String] {
        let result = try project.run(["runs", "list"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result.stdout.split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } ?? []
    }

    @Test func theLastStagesMetricsComeFirst() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        #expect(try Self.header(project).suffix(4) == ["rmse", "val.r2", "depth", "rows"])
    }

    @Test func runsColumnsChooseThem() throws {
        let project = try Self.project(runs: "runs:\n  columns: [lines, rmse]\n")
        defer { project.directory.remove() }
        #expect(try Self.header(project).suffix(4) == ["lines", "rmse", "rows", "columns"])
    }

    @Test func aMistakeInRunsIsLocated() throws {
        let project = try FixtureProject("metrics")
        defer { project.directory.remove() }
        let path = project.directory.path + "/pipeline.yaml"
        try project.write("pipeline.yaml", try String(contentsOfFile: path, encoding: .utf8) + "runs:\n  colums: [rmse]\n")
        let result = try project.run(["status"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pipeline.yaml:16:3: error: unknown key 'colums' in 'runs' of pipeline.yaml"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'columns'?"))
    }
}
