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
}
