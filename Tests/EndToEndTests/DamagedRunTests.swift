import Foundation
import Testing
import _TestSupport

/// Run records edited by hand or damaged, and a `SLUICE_NOW` far from now: the
/// inspection commands keep working (no trap, exit 132) and every run still lists.
@Suite struct DamagedRunTests {
    /// The three runs of `RunInspectionTests`, the first with absurd numbers in its
    /// run.json, the second in its metrics and history.
    static func damagedProject() throws -> (project: FixtureProject, ids: [String]) {
        let (project, ids) = try RunInspectionTests.project()
        let record = "runs/\(ids[0])/run.json"
        try project.write(record, try project.read(record)
            .replacing(#/"duration": [0-9.e-]+/#, with: "\"duration\": 1e300")  // the run's and each stage's
            .replacing(#/"end_time": "[^"]*"/#, with: "\"end_time\": \"99999999-01-01T00:00:00Z\"")
            .replacing(#/"exit_code": 0/#, with: "\"exit_code\": 1e300"))
        try project.write("runs/\(ids[1])/metrics.json", #"{"rmse": 1e300, "r2": -1e300, "big": 99999999999999999999999}"#)
        try project.write("runs/\(ids[1])/history.jsonl", """
            {"key":"loss","step":1e300,"value":1,"time":1795343400}
            {"key":"loss","step":9223372036854775807,"value":1e300,"time":1e300}
            {"key":"loss","step":2,"value":1,"time":-1e300}
            {"key":"loss","step":3,"value":0.5,"time":1795343400.5}

            """)
        return (project, ids)
    }

    @Test func damagedRecordsStillListShowAndExport() throws {
        let (project, ids) = try Self.damagedProject()
        defer { project.directory.remove() }
        let list = try project.run(["runs", "list"], environment: RunInspectionTests.later)
        #expect(list.status == 0, "stderr: \(list.stderr)")
        for id in ids { #expect(list.stdout.contains(id)) }
        let show = try project.run(["runs", "show", ids[0]], environment: RunInspectionTests.later)
        #expect(show.status == 0, "stderr: \(show.stderr)")
        #expect(show.stdout.contains("Ended     -") || show.stdout.contains("Duration  -"), "\(show.stdout)")
        let showJSON = try project.run(["runs", "show", ids[1], "--json"], environment: RunInspectionTests.later)
        #expect(showJSON.status == 0, "stderr: \(showJSON.stderr)")
        let compare = try project.run(["runs", "compare", ids[0], ids[1]], environment: RunInspectionTests.later)
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        let export = try project.run(["runs", "export", "--mlflow", "mlruns"], environment: RunInspectionTests.later)
        #expect(export.status == 0, "stderr: \(export.stderr)")
        #expect(export.stdout.hasPrefix("Exported 3 runs"))
    }

    @Test(arguments: ["1e300", "1e18", "-1e18", "nan", "99999999-01-01T00:00:00Z"])
    func aClockFarFromNowIsRefusedBeforeAnythingIsRecorded(now: String) throws {
        let (project, _) = try RunInspectionTests.project()
        defer { project.directory.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: project.directory.url("runs")).sorted()
        for arguments in [["runs", "list"], ["runs", "show", "latest"], ["runs", "export", "--mlflow", "mlruns"], ["repro", "--force"]] {
            let result = try project.run(arguments, environment: ["SLUICE_NOW": now])
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("SLUICE_NOW='\(now)'"), "\(arguments): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.directory.url("runs")).sorted() == before)
    }
}
