import Basics
import Foundation
import RunStore
import Testing

@Suite struct RunIDTests {
    @Test func idIsTheUTCSecondAndFourHexDigits() {
        var generator = SystemRandomNumberGenerator()
        let id = RunID.make(at: TestStore.base.addingTimeInterval(15.9), using: &generator)
        #expect(id.hasPrefix("20261122-103015-"))
        #expect(RunID.isValid(id))
    }

    @Test(arguments: [
        ("20261122-103015-7f3a", true), ("20261122-103015-7F3A", false), ("20261122-103015-7f3", false),
        ("20261122_103015-7f3a", false), ("2026112a-103015-7f3a", false), (".DS_Store", false), ("", false),
    ])
    func shape(name: String, valid: Bool) {
        #expect(RunID.isValid(name) == valid)
    }

    @Test func idsSortByTime() {
        var generator = SystemRandomNumberGenerator()
        let times = [0.0, 1, 59, 3600, 86_400, 40 * 86_400].map { TestStore.base.addingTimeInterval($0) }
        let ids = times.map { RunID.make(at: $0, using: &generator) }
        #expect(ids.sorted() == ids)
    }

    @Test func runsStartedInTheSameSecondGetDistinctFolders() throws {
        let test = try TestStore()
        defer { test.remove() }
        let ids = try (0..<40).map { _ in try test.run(at: 0).id }
        #expect(Set(ids).count == 40)
        #expect(test.store.ids().count == 40)
    }
}

@Suite struct RunLayoutTests {
    @Test func createWritesARunningRecordAndALogsFolder() throws {
        let test = try TestStore()
        defer { test.remove() }
        let record = RunRecord(
            name: "baseline", startTime: TestStore.base, command: ["sluice", "repro", "--name", "baseline"],
            git: GitState(commit: String(repeating: "a", count: 40), branch: "main", dirty: true),
            process: .current(), user: "ci")
        let writer = try test.store.create(record, id: test.store.reserveID(at: TestStore.base))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: writer.directory + "/logs", isDirectory: &isDirectory) && isDirectory.boolValue)
        let json = try JSONReader.parse(try String(contentsOfFile: writer.directory + "/run.json", encoding: .utf8))
        #expect(json["status"] == .string("running"))
        #expect(json["end_time"] == .null)
        #expect(json["start_time"] == .string("2026-11-22T10:30:00.000Z"))
        #expect(json["git"]?["dirty"] == .bool(true))
        #expect(json["process"]?["pid"] == .int(Int(getpid())))
    }

    @Test func aReservedIdIsClaimedOnce() throws {
        let test = try TestStore()
        defer { test.remove() }
        let id = test.store.reserveID(at: TestStore.base)
        let record = RunRecord(name: nil, startTime: TestStore.base, command: ["sluice", "repro"])
        #expect(try test.store.create(record, id: id).id == id)
        #expect(test.store.reserveID(at: TestStore.base) != id)
        #expect(throws: (any Error).self) { try test.store.create(record, id: id) }
        #expect(test.store.ids() == [id])
    }

    @Test func aFinishedRunReadsBackAsWritten() throws {
        let test = try TestStore()
        defer { test.remove() }
        let writer = try test.run(at: 0, name: "x", status: .running, params: FlatValues(["train.lr": 0.1]))
        try writer.update { record in
            record.update(StageRecord(name: "train", action: .running))
            record.update(StageRecord(name: "train", action: .failed, reasons: ["params changed"], duration: 1.5,
                                      exitCode: 3, log: "logs/train.log"))
            record.update(StageRecord(name: "evaluate", action: .notRun))
        }
        try writer.writeMetrics(FlatValues(["rmse": 3.25]))
        try writer.finish(.failed, at: TestStore.base.addingTimeInterval(90))
        let run = try test.store.load(writer.id)
        #expect(run.record == writer.record)
        #expect(run.record.stages.map(\.action) == [.failed, .notRun])
        #expect(run.record.duration == 90)
        #expect(run.params.number("train.lr") == 0.1)
        #expect(run.metrics.number("rmse") == 3.25)
        #expect(run.status == .failed)
    }

    @Test func stageUpdatesReplaceByNameAsTheRecordDoes() throws {
        let test = try TestStore()
        defer { test.remove() }
        let writer = try test.run(at: 0, status: .running)
        var expected = writer.record
        let updates = [
            StageRecord(name: "a", action: .running), StageRecord(name: "b", action: .skipped),
            StageRecord(name: "a", action: .executed, duration: 1, exitCode: 0),
        ]
        for stage in updates {
            try writer.update(stage: stage)
            expected.update(stage)
        }
        // A change of the whole list, then more stage updates against the new list.
        try writer.update { $0.stages.reverse() }
        expected.stages.reverse()
        for stage in [StageRecord(name: "a", action: .failed, exitCode: 2), StageRecord(name: "c", action: .notRun)] {
            try writer.update(stage: stage)
            expected.update(stage)
        }
        #expect(writer.record == expected)
        #expect(writer.record.stages.map(\.name) == ["b", "a", "c"])
        try writer.flush()
        #expect(try test.store.load(writer.id).record == expected)
    }

    @Test func aDiscardedRunLeavesNoFolder() throws {
        let test = try TestStore()
        defer { test.remove() }
        let writer = try test.run(at: 0, status: .running)
        for index in 0..<100 { try writer.update(stage: StageRecord(name: "s\(index)", action: .skipped)) }
        try writer.discard()
        #expect(!FileManager.default.fileExists(atPath: writer.directory))
        try writer.update(stage: StageRecord(name: "late", action: .skipped))
        try writer.flush()
        #expect(!FileManager.default.fileExists(atPath: writer.directory))
    }

    @Test func runsComeOldestFirstAndBrokenFoldersAreProblems() throws {
        let test = try TestStore()
        defer { test.remove() }
        let later = try test.run(at: 60).id, earlier = try test.run(at: 0).id
        try test.directory.write("runs/20261122-000000-dead/run.json", "{\"id\": ")
        try test.directory.write("runs/notes.txt", "not a run")
        let (runs, problems) = test.store.runs()
        #expect(runs.map(\.id) == [earlier, later])
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("runs/20261122-000000-dead/run.json:1:8: error:") == true)
    }

    @Test(arguments: [
        ("2026-11-22T10:30:00.555Z", true), ("2026-11-22T10:30:00.555555555Z", true), ("2026-11-22T11:30:00.555+01:00", true),
        ("2026-11-22T10:30:00.5555555555Z", false), ("2026-11-22T10:30:00." + String(repeating: "5", count: 40) + "Z", false),
        ("2026-11-22T10:30:00.40000001e19" + String(repeating: "0", count: 60) + "75Z", false),
        ("2026-11-22T10:30:00Z trailing", false), ("2026-11-22 10:30:00Z", false), ("2026-11-22T10:30:00.Z", false),
    ])
    func onlyAnInternetDateTimeIsATime(time: String, valid: Bool) throws {
        // Foundation's ISO 8601 formatter died with SIGFPE on long runs of digits after
        // the seconds, taking `runs list` with it (found by sluice-fuzz).
        let test = try TestStore()
        defer { test.remove() }
        try test.directory.write("runs/20261122-103000-beef/run.json", """
            {"id": "20261122-103000-beef", "status": "finished", "start_time": "\(time)", "command": ["sluice"]}
            """)
        let (runs, problems) = test.store.runs()
        if valid {
            let seconds = try #require(runs.first?.record.startTime.timeIntervalSince1970)
            #expect(abs(seconds - 1_795_343_400.555) < 0.001)
        } else {
            #expect(runs.isEmpty)
            #expect(problems.first?.message == "runs/20261122-103000-beef/run.json: start_time is not an ISO 8601 time")
        }
    }

    @Test func collectKeepsTheNewestAndRunningOnes() throws {
        let test = try TestStore()
        defer { test.remove() }
        let oldest = try test.run(at: 0).id
        let alive = try test.run(at: 10, status: .running).id  // this process: still running
        let middle = try test.run(at: 20).id
        let newest = try test.run(at: 30).id
        let dry = try test.store.collect(keep: 1, dryRun: true)
        #expect(dry.removed == [oldest, middle])
        #expect(test.store.ids().count == 4)
        let result = try test.store.collect(keep: 1)
        #expect(result.kept == [newest])
        #expect(result.stillRunning == [alive])
        #expect(Set(test.store.ids()) == [alive, newest])
    }
}
