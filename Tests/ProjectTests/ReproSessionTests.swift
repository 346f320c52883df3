import Basics
import Foundation
import PipelineEngine
import PipelineState
import Project
import RunStore
import Synchronization
import Testing

@Suite struct ReproSessionTests {
    static let pipeline = """
        stages:
          hello:
            cmd: echo "hello ${greeting.name}" > out.txt && printf '{"rmse":1.5}' > metrics.json && echo "$SLUICE_RUN_ID" > run-id.txt
            params: [greeting]
            outs: [out.txt]
            metrics: [{metrics.json: {cache: false}}]

        """

    static func project(_ pipeline: String = pipeline) throws -> TestProject {
        try TestProject(["pipeline.yaml": pipeline, "params.yaml": "greeting: {name: world}\n"])
    }

    static func repro(_ project: TestProject, options: ReproOptions = ReproOptions(), recordRun: Bool = true,
                      runName: String? = nil) throws -> (outcome: ReproSession.Outcome, events: [ReproEvent]) {
        let session = try ReproSession(workspace: project.workspace, options: options, useRunCache: true,
                                       recording: recordRun ? RunRequest(name: runName, command: ["sluice", "repro"]) : nil,
                                       binDirectory: nil)
        let events = Mutex<[ReproEvent]>([])
        let outcome = try session.run { event in events.withLock { $0.append(event) } }
        return (outcome, events.withLock { $0 })
    }

    static func runIDs(_ project: TestProject) -> [String] { RunStore(directory: project.workspace.runsDirectory).ids() }

    @Test func aReproThatRunsAStageRecordsARun() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let (outcome, events) = try Self.repro(project, runName: "first")

        #expect(outcome.report.stages(.executed) == ["hello"])
        #expect(outcome.warnings.isEmpty)
        #expect(try project.read("out.txt") == "hello world\n")
        #expect(events.contains { if case .stageStarted(stage: "hello", _) = $0 { true } else { false } })
        #expect(try LockFile.read(path: project.workspace.lockPath, displayName: "pipeline.lock").stages["hello"] != nil)

        let id = try #require(outcome.recordedRun)
        #expect(Self.runIDs(project) == [id])
        // The stage saw the run it belongs to.
        #expect(try project.read("run-id.txt") == id + "\n")
        let run = try RunStore(directory: project.workspace.runsDirectory).load(id)
        #expect(run.record.name == "first")
        #expect(run.record.command == ["sluice", "repro"])
        #expect(run.record.status == .finished)
        #expect(run.record.endTime != nil)
        #expect(run.record.stages.map(\.name) == ["hello"])
        #expect(run.record.stages.first?.action == .executed)
        #expect(run.record.stages.first?.exitCode == 0)
        #expect(run.params["greeting.name"] == .string("world"))
        #expect(run.metrics["rmse"] == .double(1.5))
        #expect(project.exists("runs/\(id)/logs/hello.log"))
        #expect(try project.read("runs/\(id)/\(RunRecorder.lockCopyName)") == project.read("pipeline.lock"))
    }

    @Test func aSecondReproThatDoesNothingRecordsNoRun() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let first = try Self.repro(project).outcome
        let second = try Self.repro(project).outcome

        #expect(second.report.stages(.skipped) == ["hello"])
        #expect(second.report.stages(.executed).isEmpty)
        #expect(second.recordedRun == nil)
        #expect(Self.runIDs(project) == [first.recordedRun].compactMap { $0 })
    }

    @Test func aChangedParamRunsAgainAndRecordsASecondRun() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let first = try Self.repro(project).outcome
        try project.write("params.yaml", "greeting: {name: sluice}\n")
        let second = try Self.repro(project).outcome

        #expect(second.report.stages(.executed) == ["hello"])
        let ids = [first.recordedRun, second.recordedRun].compactMap { $0 }
        #expect(ids.count == 2)
        #expect(Set(Self.runIDs(project)) == Set(ids))
        let run = try RunStore(directory: project.workspace.runsDirectory).load(ids[1])
        #expect(run.params["greeting.name"] == .string("sluice"))
    }

    @Test func aFailingStageIsRecordedAsAFailedRun() throws {
        let project = try Self.project("stages:\n  broken:\n    cmd: echo partial; exit 3\n    outs: [never.txt]\n")
        defer { project.directory.remove() }
        let outcome = try Self.repro(project).outcome

        #expect(outcome.report.stages(.failed) == ["broken"])
        let id = try #require(outcome.recordedRun)
        let run = try RunStore(directory: project.workspace.runsDirectory).load(id)
        #expect(run.record.status == .failed)
        #expect(run.record.stages.first?.exitCode == 3)
    }

    @Test func aDryRunRunsAndRecordsNothing() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        var options = ReproOptions()
        options.dryRun = true
        let outcome = try Self.repro(project, options: options).outcome

        #expect(outcome.report.stages(.notRun) == ["hello"])
        #expect(outcome.recordedRun == nil)
        #expect(!project.exists("out.txt"))
        #expect(!project.exists("runs"))
        #expect(!project.exists("pipeline.lock"))
    }

    @Test func withoutRecordingTheStageRunsAndItsLogGoesToTheLocalState() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let outcome = try Self.repro(project, recordRun: false).outcome

        #expect(outcome.report.stages(.executed) == ["hello"])
        #expect(outcome.recordedRun == nil)
        #expect(!project.exists("runs"))
        #expect(project.exists(".sluice/logs/hello.log"))
    }
}
