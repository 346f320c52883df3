import Basics
import Foundation
import RunStore
import Testing

@Suite struct RunReferenceTests {
    /// Runs at fixed ids, oldest first, without touching the disk.
    static let runs: [StoredRun] = [
        ("20261120-090000-aaaa", "baseline"), ("20261121-090000-bbbb", nil), ("20261121-100000-cccc", "deep"),
        ("20261122-090000-dddd", "baseline"),
    ].enumerated().map { index, entry in
        StoredRun(directory: "/nonexistent/\(entry.0)", record: RunRecord(
            id: entry.0, name: entry.1, status: .finished,
            startTime: TestStore.base.addingTimeInterval(Double(index) * 60), command: ["sluice", "repro"]))
    }

    @Test(arguments: [
        ("latest", "20261122-090000-dddd"), ("latest~0", "20261122-090000-dddd"), ("latest~1", "20261121-100000-cccc"),
        ("latest~3", "20261120-090000-aaaa"), ("20261121-090000-bbbb", "20261121-090000-bbbb"),
        ("20261120", "20261120-090000-aaaa"), ("20261121-1", "20261121-100000-cccc"),
        ("deep", "20261121-100000-cccc"), ("baseline", "20261122-090000-dddd"),
    ])
    func resolves(reference: String, id: String) throws {
        #expect(try RunReference.resolve(reference, in: Self.runs).id == id)
    }

    @Test(arguments: [
        ("20261121", "'20261121' matches 2 runs: 20261121-100000-cccc, 20261121-090000-bbbb", "type more of the id"),
        ("latest~4", "'latest~4' goes back further than the 4 recorded runs", "the oldest is latest~3"),
        ("latest~x", "'latest~x' is not a run", "write latest~N with a whole number N, e.g. latest~1 for the run before the latest"),
        ("baseline2", "no run 'baseline2' in runs/", "did you mean 'baseline'?"),
        ("zzz", "no run 'zzz' in runs/", "'sluice runs list' shows the runs; 'latest' names the newest"),
    ])
    func explainsWhatToTypeInstead(reference: String, message: String, hint: String) {
        do {
            _ = try RunReference.resolve(reference, in: Self.runs)
            Issue.record("'\(reference)' resolved")
        } catch {
            #expect(error.message == message)
            #expect(error.hint == hint)
        }
    }

    @Test func anEmptyStoreSaysHowToGetARun() {
        #expect(throws: Diagnostic.error("there are no runs in runs/ yet",
                                         hint: "'sluice repro' records a run whenever a stage runs or is restored")) {
            try RunReference.resolve("latest", in: [])
        }
    }
}

@Suite struct KilledDetectionTests {
    /// A pid that certainly ended: a child that has been waited for.
    static func endedPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func identityOfThisProcessIsAlive() {
        #expect(ProcessIdentity.current().isGone() == false)
    }

    @Test func variations() throws {
        let me = ProcessIdentity.current()
        var ended = me
        ended.pid = try Self.endedPID()
        ended.startTicks = nil
        var reused = me
        reused.startTicks = (me.startTicks ?? 0) + 1  // same pid, another process's start time
        var rebooted = me
        rebooted.bootID = "00000000-0000-0000-0000-000000000000"
        var elsewhere = me
        elsewhere.host = "another-host.invalid"
        let cases: [(ProcessIdentity, Bool?)] = [(ended, true), (elsewhere, nil)]
            + (me.startTicks != nil ? [(reused, true)] : []) + (me.bootID != nil ? [(rebooted, true)] : [])
        for (identity, expected) in cases {
            #expect(identity.isGone() == expected, "\(identity)")
        }
    }

    @Test(arguments: [
        (RunStatus.running, true, RunStatus.killed), (.running, false, .running),
        (.finished, true, .finished), (.failed, true, .failed),
    ])
    func shownStatus(recorded: RunStatus, processGone: Bool, shown: RunStatus) throws {
        var process = ProcessIdentity.current()
        if processGone { process.pid = try Self.endedPID() }
        process.startTicks = nil
        let run = StoredRun(directory: "/nonexistent", record: RunRecord(
            id: "20261122-103000-0000", status: recorded, startTime: TestStore.base, command: [], process: process))
        #expect(run.status == shown)
    }
}
