import Foundation
import Testing
import _TestSupport

/// `sluice ml drift` on small CSVs: the table, the report contract, --fail-on, and bad input.
@Suite struct DriftCommandTests {
    static func csv(rows: Int, shift: Double, cityB: Int) -> String {
        var lines = ["x,city,flag,y"]
        for i in 0..<rows {
            lines.append("\(Double(i % 50) + shift),\(i % 10 < cityB ? "b" : "a"),\(i % 2),\(i % 7)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func reportsEachColumnAndTheLevel() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("ref.csv", Self.csv(rows: 400, shift: 0, cityB: 5))
        try project.write("cur.csv", Self.csv(rows: 200, shift: 15, cityB: 5))
        let result = try project.run(["ml", "drift", "--reference", "ref.csv", "--current", "cur.csv", "--target", "y",
                                      "--report", "drift.json", "--html", "drift.html", "--fail-on", "severe"])
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("x ") && result.stdout.contains("drift (severe)"))
        #expect(result.stderr.contains("reaches --fail-on severe"))
        let report = try JSONSerialization.jsonObject(with: Data(project.read("drift.json").utf8)) as? [String: Any]
        #expect(report?["level"] as? String == "severe")
        #expect(report?["drifted"] as? [String] == ["x"])
        let features = report?["features"] as? [String: [String: Any]]
        #expect(features?["x"]?["type"] as? String == "numeric" && features?["x"]?["test"] as? String == "ks")
        #expect(features?["x"]?["chi2_pvalue"] == nil)  // keys that do not apply are absent
        #expect(features?["city"]?["type"] as? String == "categorical" && features?["city"]?["ks_pvalue"] == nil)
        #expect(features?["flag"]?["type"] as? String == "boolean")
        #expect(features?["y"] == nil && (report?["target"] as? [String: Any])?["drift"] as? Bool == false)
        let html = try project.read("drift.html")
        #expect(html.components(separatedBy: "<svg").count - 1 >= 4)  // one chart per column and the target
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        let metrics = report?["metrics"] as? [String: Double]
        #expect(metrics?["drift.level"] == 2 && metrics?["drift.x.psi"] != nil)
    }

    @Test func aProfileFromPrepareIsAReference() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("ref.csv", Self.csv(rows: 400, shift: 0, cityB: 5))
        try project.write("cur.csv", Self.csv(rows: 200, shift: 0, cityB: 5))
        let prepared = try project.run(["ml", "prepare", "--input", "ref.csv", "--target", "y", "--train", "train.csv", "--test", "test.csv",
                                        "--preprocessor", "p.json", "--profile", "profile.json"])
        #expect(prepared.status == 0, "stderr: \(prepared.stderr)")
        let result = try project.run(["ml", "drift", "--reference", "profile.json", "--current", "cur.csv", "--target", "y", "--fail-on", "moderate"])
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("drift: none"))
    }

    @Test func badInputIsNamed() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("ref.csv", Self.csv(rows: 100, shift: 0, cityB: 5))
        try project.write("empty.csv", "x,city,flag,y\n")
        let empty = try project.run(["ml", "drift", "--reference", "ref.csv", "--current", "empty.csv"])
        #expect(empty.status == 1 && empty.stderr.contains("empty.csv has no rows"), "\(empty.stderr)")
        try project.write("typed.csv", "x,city,flag,y\nbig,a,0,1\n")
        let typed = try project.run(["ml", "drift", "--reference", "ref.csv", "--current", "typed.csv"])
        #expect(typed.status == 1 && typed.stderr.contains("column 'x' is numeric in the reference but categorical"), "\(typed.stderr)")
        try project.write("extra.csv", "x,city,flag,y,new\n1,a,0,1,5\n")
        let extra = try project.run(["ml", "drift", "--reference", "ref.csv", "--current", "extra.csv"])
        #expect(extra.status == 0 && extra.stderr.contains("columns only in extra.csv (not compared): new"), "\(extra.stderr)")
        let strict = try project.run(["ml", "drift", "--reference", "ref.csv", "--current", "extra.csv", "--strict"])
        #expect(strict.status == 1 && strict.stderr.contains("only in extra.csv: 'new'"), "\(strict.stderr)")
        let level = try project.run(["ml", "drift", "--reference", "ref.csv", "--current", "extra.csv", "--fail-on", "awful"])
        #expect(level.status == 2)
    }

    @Test func aBundleCarriesItsProfileAndPredictionsForDrift() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("ref.csv", "x,g,y\n" + (0..<400).map { "\($0 % 50),\($0 % 3),\(Double($0 % 50) / 5)" }.joined(separator: "\n") + "\n")
        try project.write("cur.csv", "x,g,z\n" + (0..<200).map { "\($0 % 50 + 30),\($0 % 3),1" }.joined(separator: "\n") + "\n")
        try project.write("params.yaml", "train:\n  n_estimators: 20\n")
        for command in [
            ["ml", "prepare", "--input", "ref.csv", "--target", "y", "--train", "train.csv", "--test", "test.csv",
             "--preprocessor", "p.json", "--profile", "profile.json"],
            ["ml", "train", "--train", "train.csv", "--preprocessor", "p.json", "--model", "m.json"],
            ["ml", "evaluate", "--model", "m.json", "--data", "test.csv", "--metrics", "eval.json"],
            ["ml", "export", "--model", "m.json", "--preprocessor", "p.json", "--profile", "profile.json", "--metrics", "eval.json",
             "--data", "test.csv", "--registry", "registry", "--production", "production"],
        ] {
            let result = try project.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let drift = try project.run(["ml", "drift", "--reference", "production", "--model", "production", "--current", "cur.csv", "--json"])
        #expect(drift.status == 0, "\(drift.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(drift.stdout.utf8)) as? [String: Any]
        let prediction = report?["prediction"] as? [String: Any]
        #expect(prediction?["drift"] as? Bool == true)  // x moved by 30 and the model's predictions follow x
        #expect((report?["features"] as? [String: Any])?["__prediction__"] == nil)
        #expect(report?["columns_only_in_current"] as? [String] == ["z"])  // y is the bundle's target, not a missing column
    }

    @Test func datesAreComparedByTheirPartsAndADamagedProfileIsNamed() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let days = (1...28).map { String(format: "2024-01-%02d 10:00:00", $0) }
        try project.write("ref.csv", "when,v\n" + (0..<280).map { "\(days[$0 % 28]),\($0 % 9)" }.joined(separator: "\n") + "\n")
        let evening = (1...28).map { String(format: "2024-06-%02d 22:00:00", $0) }
        try project.write("cur.csv", "when,v\n" + (0..<140).map { "\(evening[$0 % 28]),\($0 % 9)" }.joined(separator: "\n") + "\n")
        let result = try project.run(["ml", "drift", "--reference", "ref.csv", "--current", "cur.csv", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(Set(report?["drifted"] as? [String] ?? []) == ["when_month", "when_hour"])
        try project.write("bad.json", "{\"format\": \"sluice-reference-profile\", \"version\": 1, \"columns\": {\"v\": {\"type\": \"numeric\", \"count\": -3}}}")
        let damaged = try project.run(["ml", "drift", "--reference", "bad.json", "--current", "cur.csv"])
        #expect(damaged.status != 0 && damaged.stderr.contains("bad.json"), "\(damaged.stderr)")
    }

    @Test func predictInsideARunAppendsABatchSummary() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("train.csv", "x,y\n" + (0..<100).map { "\($0 % 10),\($0 % 10)" }.joined(separator: "\n") + "\n")
        try project.write("new.csv", "x\n1\nNA\n5\n9\n")
        try project.write("params.yaml", "train:\n  n_estimators: 5\n")
        #expect(try project.run(["ml", "train", "--train", "train.csv", "--target", "y", "--model", "m.json"]).status == 0)
        let run = try project.run(["ml", "predict", "--model", "m.json", "--input", "new.csv", "--out", "p.csv"],
                                  environment: ["SLUICE_RUN_DIR": project.directory.url("")])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try project.read("batches.jsonl").split(separator: "\n")
        #expect(line.count == 1)
        let summary = try JSONSerialization.jsonObject(with: Data(line[0].utf8)) as? [String: Any]
        #expect(summary?["rows"] as? Int == 4 && summary?["input"] as? String == "new.csv")
        #expect((summary?["missing_rate"] as? [String: Double])?["x"] == 0.25)
        let prediction = summary?["prediction"] as? [String: Double]
        #expect(prediction?["p50"] != nil && prediction?["p01"] ?? 1 <= prediction?["p99"] ?? 0)
    }
}
