import Basics
import Foundation
@testable import RunStore
import Testing

/// Run files edited by hand or damaged: values far outside what sluice writes must
/// neither trap (an integer conversion that overflows) nor hide the run.
@Suite struct DamagedRecordTests {
    /// A finished run whose run.json was then rewritten by `edit`.
    static func damaged(_ test: TestStore, _ edit: (inout String) -> Void) throws -> String {
        let id = try test.run(at: 0, metrics: FlatValues(["rmse": 1])).id
        let path = test.store.path(of: id) + "/run.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        edit(&text)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return id
    }

    @Test func absurdNumbersInRunJSONStillLoad() throws {
        let test = try TestStore()
        defer { test.remove() }
        let process = #"{"pid": 1e17, "host": "\#(ProcessIdentity.hostName())", "start_ticks": 9223372036854775807}"#
        let id = try Self.damaged(test) { text in
            text = text.replacing(#/"process": null/#, with: "\"process\": \(process)")
                .replacing(#/"duration": [0-9.e-]+/#, with: "\"duration\": -1e300")
                .replacing(#/"stages": \[\s*\]/#, with: #""stages": [{"name": "a", "action": "executed", "duration": 1e300, "exit_code": 1e300}]"#)
        }
        let (runs, problems) = test.store.runs()
        #expect(problems.isEmpty)
        let run = try #require(runs.first { $0.id == id })
        #expect(run.record.stages.first?.duration == 1e300)
        #expect(run.record.stages.first?.exitCode == nil)
        let identity = try #require(run.record.process)
        #expect(identity.pid == 0, "a pid no process can have is not truncated onto another process")
        #expect(identity.startTicks == UInt64(Int.max))
        #expect(identity.isGone() == true)
        _ = JSONWriter.canonical.string(run.json)
    }

    @Test(arguments: ["99999999-01-01T00:00:00Z", "-99999-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "1e300", ""])
    func aStartTimeOutsideFourDigitYearsIsAProblemNotACrash(time: String) throws {
        let test = try TestStore()
        defer { test.remove() }
        let good = try test.run(at: 10).id
        _ = try Self.damaged(test) { $0 = $0.replacing(#/"start_time": "[^"]*"/#, with: "\"start_time\": \"\(time)\"") }
        let (runs, problems) = test.store.runs()
        #expect(runs.map(\.id) == [good])
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("runs/") == true && problems.first?.message.contains("start_time") == true)
    }

    @Test func anEndTimeOutsideFourDigitYearsIsUnknown() throws {
        let test = try TestStore()
        defer { test.remove() }
        let id = try Self.damaged(test) { $0 = $0.replacing(#/"end_time": "[^"]*"/#, with: #""end_time": "99999999-01-01T00:00:00Z""#) }
        let run = try test.store.load(id)
        #expect(run.record.endTime == nil && run.record.duration == nil)
    }

    @Test func historyLinesWithTimesOrStepsNoConversionCanHoldAreSkipped() throws {
        let test = try TestStore()
        defer { test.remove() }
        let writer = try test.run(at: 0)
        try test.directory.write("runs/\(writer.id)/history.jsonl", """
            {"key":"a","step":1,"value":1e300,"time":1795343400}
            {"key":"a","step":9223372036854775807,"value":1,"time":1795343400}
            {"key":"a","step":2,"value":1,"time":1e300}
            {"key":"a","step":3,"value":1,"time":-1e300}
            {"key":"a","step":4,"value":1,"time":1e999}
            {"key":"a","step":5,"value":1,"time":"99999999-01-01T00:00:00Z"}
            {"key":"a","step":1e300,"value":1,"time":1795343400}
            {"key":"a","step":"x","value":1,"time":1795343400}
            {"key":"a","value":2,"time":1795343400}

            """)
        let (points, skipped) = HistoryReader.read(writer.directory + "/history.jsonl")
        #expect(points.map(\.step) == [1, Int.max, 0])
        #expect(points[0].value == 1e300)
        #expect(skipped == 6)
    }

    @Test func mlflowExportOfExtremeValuesWritesNumbersMLflowReads() throws {
        let test = try TestStore()
        defer { test.remove() }
        var metrics = FlatValues(["huge": 1e300, "tiny": -1e300])
        metrics["infinite"] = .double(.infinity)
        let writer = try test.run(at: 0, metrics: metrics)
        try test.directory.write("runs/\(writer.id)/history.jsonl", """
            {"key":"loss","step":9223372036854775807,"value":1e300,"time":1795343400.5}
            {"key":"loss","step":2,"value":1,"time":1e300}

            """)
        let root = test.directory.url("mlruns")
        // Now far in the future: exporting must not overflow the milliseconds either.
        let export = try MLflowExporter(root: root, experimentName: "x")
            .export(test.store.runs().runs, now: Date(timeIntervalSince1970: 1e300))
        let folder = root + "/1/" + export.runs[0].mlflowID
        let loss = try String(contentsOfFile: folder + "/metrics/loss", encoding: .utf8)
        #expect(loss == "1795343400500 1e+300 9223372036854775807\n")
        let huge = try String(contentsOfFile: folder + "/metrics/huge", encoding: .utf8)
        #expect(huge.hasSuffix(" 1e+300 0\n"))
        let experiment = try String(contentsOfFile: root + "/1/meta.yaml", encoding: .utf8)
        #expect(experiment.contains("last_update_time: 253402300799999\n"))
    }

    @Test func theNextExperimentIDNeverOverflows() throws {
        let test = try TestStore()
        defer { test.remove() }
        let root = test.directory.url("mlruns")
        try FileManager.default.createDirectory(atPath: root + "/9223372036854775807", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/1", withIntermediateDirectories: true)
        try test.run(at: 0)
        let export = try MLflowExporter(root: root, experimentName: "x").export(test.store.runs().runs, now: TestStore.base)
        #expect(export.experimentID == "2")
    }
}

@Suite struct TimestampRangeTests {
    @Test(arguments: [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 253_402_300_800, -62_135_596_801, 1e15])
    func idsOfAnyTimeHaveTheShapeOfRunIDs(seconds: Double) {
        var generator = SystemRandomNumberGenerator()
        let id = RunID.make(at: Date(timeIntervalSince1970: seconds), using: &generator)
        #expect(RunID.isValid(id), "\(id)")
    }

    @Test func earlyYearsArePaddedToFourDigits() {
        var generator = SystemRandomNumberGenerator()
        #expect(RunID.make(at: Date(timeIntervalSince1970: -30_641_760_000), using: &generator).hasPrefix("09990101-000000-"))
        #expect(RunID.make(at: Date(timeIntervalSince1970: 253_402_300_799), using: &generator).hasPrefix("99991231-235959-"))
    }

    @Test(arguments: [1e300, -1e300, Double.infinity, Double.nan, 1e15, -1e15])
    func anyTimeIsWrittenAsTextThatReadsBack(seconds: Double) throws {
        let text = Timestamp.string(Date(timeIntervalSince1970: seconds))
        let date = try #require(Timestamp.date(text), "\(text)")
        #expect(Timestamp.isRepresentable(date.timeIntervalSince1970))
        #expect(Timestamp.milliseconds(Date(timeIntervalSince1970: seconds)) == Timestamp.milliseconds(date))
    }

    @Test(arguments: ["99999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "+2026-11-22T10:30:15Z", "x2026-11-22T10:30:15Z"])
    func yearsOfOtherThanFourDigitsAreNotTimes(text: String) {
        #expect(Timestamp.date(text) == nil)
    }

    @Test func theFirstAndLastFourDigitYearsReadBack() throws {
        for text in ["0001-01-01T00:00:00Z", "0999-06-01T00:00:00Z", "9999-12-31T23:59:59.999Z"] {
            let date = try #require(Timestamp.date(text), "\(text)")
            #expect(Timestamp.date(Timestamp.string(date)) == date)
        }
    }

    @Test func ordinaryTimesAreUnchanged() {
        #expect(Timestamp.string(TestStore.base) == "2026-11-22T10:30:00.000Z")
        #expect(Timestamp.date("2026-11-22T10:30:00Z") == TestStore.base)
        #expect(Timestamp.milliseconds(TestStore.base) == 1_795_343_400_000)
    }
}
