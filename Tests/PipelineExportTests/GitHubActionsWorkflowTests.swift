import PipelineExport
import Testing
import YAML

@Suite struct GitHubActionsWorkflowTests {
    static func render(_ pipeline: String, _ workflow: GitHubActionsWorkflow = GitHubActionsWorkflow()) throws -> YAMLNode {
        try YAML.parse(workflow.render(try ExportFixtures.exported(pipeline)), file: "pipeline.yml")
    }

    @Test func oneJobPerStageNeedingItsUpstreamAndTheBuild() throws {
        let jobs = try #require(try Self.render(ExportFixtures.diamond)["jobs"])
        #expect(jobs.mappingValue?.map(\.key.text) == ["build-sluice", "a", "b", "c", "d"])
        let needs = ["a", "b", "c", "d"].map { jobs[$0]?["needs"]?.sequenceValue?.compactMap(\.stringValue) ?? [] }
        #expect(needs == [["build-sluice"], ["build-sluice", "a"], ["build-sluice", "a"], ["build-sluice", "b", "c"]])
        #expect(jobs["build-sluice"]?["container"]?.stringValue == "swift:6.3-noble")
    }

    @Test func eachJobPullsRunsAndPushesItsStageWithTheSecrets() throws {
        let job = try #require(try Self.render(ExportFixtures.diamond)["jobs"]?["b"])
        #expect(job["env"]?["STAGE"]?.stringValue == "b")
        #expect(job["env"]?["AWS_SECRET_ACCESS_KEY"]?.stringValue == "${{ secrets.AWS_SECRET_ACCESS_KEY }}")
        let runs = job["steps"]?.sequenceValue?.compactMap { $0["run"]?.stringValue } ?? []
        #expect(runs.contains("sluice repro --pull -s \"$STAGE\""))
        #expect(runs.contains("sluice push \"$STAGE\""))
    }

    @Test func metaSetsTheTimeoutInMinutesAndRetriesTheStage() throws {
        let jobs = try #require(try Self.render(ExportFixtures.diamond)["jobs"])
        #expect(jobs["c"]?["timeout-minutes"]?.intValue == 2)
        #expect(jobs["d"]?["timeout-minutes"]?.intValue == 30)
        #expect(jobs["b"]?["timeout-minutes"] == nil)
        let runs = jobs["d"]?["steps"]?.sequenceValue?.compactMap { $0["run"]?.stringValue } ?? []
        #expect(runs.contains { $0.hasPrefix("for attempt in $(seq 0 2); do\n") })
    }

    @Test func theScheduleAndFileAreKept() throws {
        let workflow = try Self.render(ExportFixtures.diamond, GitHubActionsWorkflow(schedule: "17 4 * * 1", pipelineFile: "sub/p.yaml"))
        #expect(workflow["on"]?["schedule"]?.sequenceValue?.first?["cron"]?.stringValue == "17 4 * * 1")
        #expect(workflow["jobs"]?["a"]?["env"]?["SLUICE_PIPELINE_FILE"]?.stringValue == "sub/p.yaml")
        let runs = workflow["jobs"]?["a"]?["steps"]?.sequenceValue?.compactMap { $0["run"]?.stringValue } ?? []
        #expect(runs.contains("sluice push --file \"$SLUICE_PIPELINE_FILE\" \"$STAGE\""))
    }

    /// Any address reads back from the YAML as itself, except that each `${{` is written
    /// as the expression that yields it, so GitHub evaluates nothing of the user's.
    @Test(arguments: [
        ("it's \"quoted\"", "it's \"quoted\""),
        ("back\\slash: # not a comment", "back\\slash: # not a comment"),
        ("line\nbreak\t\u{7F}é", "line\nbreak\t\u{7F}é"),
        ("${{ secrets.X }}", "${{ '${{' }} secrets.X }}"),
    ])
    func addressesAreQuoted(address: String, expected: String) throws {
        let pipeline = ExportedPipeline(stages: [ExportedStage(id: "s", address: address)], pipelineFile: "pipeline.yaml")
        let text = GitHubActionsWorkflow().render(pipeline)
        let workflow = try YAML.parse(text, file: "pipeline.yml")
        #expect(workflow["jobs"]?["s"]?["env"]?["STAGE"]?.stringValue == expected)
        #expect(workflow["jobs"]?["s"]?["name"]?.stringValue == expected)
    }

    @Test func theBuildJobsIdAvoidsAStagesId() throws {
        let jobs = try #require(try Self.render("stages:\n  build-sluice:\n    cmd: 'true'\n")["jobs"])
        #expect(jobs.mappingValue?.map(\.key.text) == ["build-sluice-2", "build-sluice"])
    }
}
