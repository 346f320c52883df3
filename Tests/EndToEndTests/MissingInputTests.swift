import Foundation
import Testing
import _TestSupport

/// Inputs that do not exist: a params file no `${}` needs, a dependency no stage writes.
/// `dag` draws the pipeline, `status` names them (and exits 0, as `dvc status`), and
/// `repro` fails just those stages (exit 1), as `dvc repro` does.
@Suite struct MissingInputTests {
    /// `sluice status --json`: reasons by stage.
    static func statusReasons(_ project: FixtureProject) throws -> [String: [[String: Any]]] {
        let result = try project.run(["status", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[String: Any]]])
    }

    static func kinds(_ reasons: [[String: Any]]?) -> [String] { (reasons ?? []).compactMap { $0["kind"] as? String } }

    @Test func dagDrawsAPipelineWithAnAbsentParamsFile() throws {
        let project = try FixtureProject("missing-inputs")
        defer { project.directory.remove() }
        let result = try project.run(["dag", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object["stages"] as? [String] ?? []) == ["prepare", "train", "report"])
        let edges = (object["edges"] as? [[String: String]])?.map { "\($0["from"] ?? "?") -> \($0["to"] ?? "?")" }
        #expect(edges == ["prepare -> train"])
        #expect(try project.run(["dag"]).status == 0)
    }

    @Test func statusNamesTheMissingInputsAndExitsZero() throws {
        let project = try FixtureProject("missing-inputs")
        defer { project.directory.remove() }
        let result = try project.run(["status"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == """
            prepare:
                never run
            train:
                never run
                changed params: deleted configs/model.yml (the params file does not exist)
                upstream stage 'prepare' will run
            report:
                never run
                changed deps: deleted data/extra.txt (no stage produces it)

            """)
        let reasons = try Self.statusReasons(project)
        // data/prepared.txt is missing too, but prepare will write it: not named as missing.
        #expect(Self.kinds(reasons["train"]) == ["never_run", "params_missing", "upstream_changed"])
        #expect(reasons["train"]?[1]["file"] as? String == "configs/model.yml")
        #expect(Self.kinds(reasons["report"]) == ["never_run", "dep_missing"])
        #expect(reasons["report"]?[1]["path"] as? String == "data/extra.txt")
        #expect(try project.run(["status", "-q"]).status == 1)
    }

    @Test func reproFailsTheStagesThatLackAnInputWithALocatedMessage() throws {
        let project = try FixtureProject("missing-inputs")
        defer { project.directory.remove() }
        let report = try project.repro(["--keep-going"], expectStatus: 1)
        #expect(report.executed == ["prepare"])
        #expect(Set(report.failed) == ["train", "report"])
        #expect(report.outcome("train")?["message"] as? String
            == "params file 'configs/model.yml' does not exist (named in 'params' at pipeline.yaml:13:9); "
            + "create it, or remove it from the stage's 'params'")
        #expect(report.outcome("report")?["message"] as? String
            == "dependency 'data/extra.txt' does not exist and no stage produces it")
        #expect(!project.exists("model.txt") && !project.exists("report.txt"))

        let plain = try project.run(["repro", "train"])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("error: stage 'train' failed: params file 'configs/model.yml' does not exist "
            + "(named in 'params' at pipeline.yaml:13:9)"), "stderr: \(plain.stderr)")

        try project.write("configs/model.yml", "lr: 0.1\n")
        try project.write("data/extra.txt", "extra\n")
        let fixed = try project.repro()
        #expect(Set(fixed.executed) == ["train", "report"])
        #expect(try project.run(["status"]).stdout == "Data and pipelines are up to date.\n")
    }

    @Test func statusNamesADependencyAddedAfterTheLastRunThatNothingWrites() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        let pipeline = try project.read("pipeline.yaml")
        try project.write("pipeline.yaml", pipeline.replacingOccurrences(
            of: "deps: [data/raw.txt]", with: "deps: [data/raw.txt, data/missing.txt]"))
        let result = try project.run(["status"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            prepare:
                changed deps: deleted data/missing.txt (no stage produces it)
            train:
                upstream stage 'prepare' will run

            """), "stdout: \(result.stdout)")
        let reasons = try Self.statusReasons(project)
        #expect(Self.kinds(reasons["prepare"]) == ["dep_missing"])
        #expect(try project.run(["status", "-q"]).status == 1)
        let report = try project.repro(expectStatus: 1)
        #expect(report.failed == ["prepare"])
    }

    @Test(arguments: [
        ("vars: [configs/model.yml]\nstages:\n  a:\n    cmd: echo ${lr}\n",
         "pipeline.yaml:1:8: error: params file 'configs/model.yml' does not exist"),
        ("stages:\n  a:\n    cmd: echo ${lr}\n    params:\n      - configs/model.yml: [lr]\n",
         "pipeline.yaml:3:10: error: 'lr' is not defined"),
    ])
    func interpolationThatNeedsAnAbsentFileIsAConfigurationError(pipeline: String, expected: String) throws {
        let project = try FixtureProject("missing-inputs")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", pipeline)
        for command in [["dag"], ["status"], ["repro"]] {
            let result = try project.run(command)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.hasPrefix(expected), "\(command): \(result.stderr)")
        }
    }
}
