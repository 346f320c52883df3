import Basics
import Dispatch
import Foundation
import RunStore
import Testing

@Suite struct HistoryTests {
    @Test func pointsAppendAsOneJSONLinePerPoint() throws {
        let test = try TestStore()
        defer { test.remove() }
        let writer = try test.run(at: 0, status: .running)
        let history = HistoryWriter(runDirectory: writer.directory)
        try history.append(key: "loss", step: 0, value: 0.5, time: TestStore.base)
        try history.append([HistoryPoint(key: "loss", step: 1, value: .nan, time: TestStore.base.addingTimeInterval(0.25))])
        let text = try String(contentsOfFile: writer.directory + "/history.jsonl", encoding: .utf8)
        #expect(text == """
            {"key":"loss","step":0,"time":1795343400.0,"value":0.5}
            {"key":"loss","step":1,"time":1795343400.25,"value":null}

            """)
        let points = try test.store.load(writer.id).history()
        #expect(points.map(\.step) == [0, 1])
        #expect(points[1].value.isNaN && points[1].time == TestStore.base.addingTimeInterval(0.25))
    }

    @Test func concurrentWritersNeverInterleaveLines() throws {
        let test = try TestStore()
        defer { test.remove() }
        let directory = try test.run(at: 0, status: .running).directory
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let history = HistoryWriter(runDirectory: directory)
            for step in 0..<200 {
                try? history.append(key: "worker\(worker).a-fairly-long-metric-name-to-make-lines-longer", step: step, value: Double(step) / 3)
            }
        }
        let text = try String(contentsOfFile: directory + "/history.jsonl", encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1600)
        #expect(lines.allSatisfy { (try? JSONReader.parse(String($0))) != nil })
    }

    @Test func tornAndForeignLinesAreSkipped() throws {
        let test = try TestStore()
        defer { test.remove() }
        let writer = try test.run(at: 0)
        try test.directory.write("runs/\(writer.id)/history.jsonl", """
            {"key":"acc","step":2,"value":1,"time":"2026-11-22T10:30:01Z"}
            {"key":"acc","step":3,"val
            {"step":1,"value":2,"time":0}

            """)
        let points = try test.store.load(writer.id).history()
        #expect(points == [HistoryPoint(key: "acc", step: 2, value: 1, time: TestStore.base.addingTimeInterval(1))])
    }

    @Test(arguments: [([:], nil), (["SLUICE_RUN_DIR": ""], nil), (["SLUICE_RUN_DIR": "/r/x"], "/r/x/history.jsonl")] as [([String: String], String?)])
    func environmentNamesTheRun(environment: [String: String], path: String?) {
        #expect(HistoryWriter.fromEnvironment(environment)?.path == path)
    }
}
