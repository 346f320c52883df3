import Foundation
import Tabular
import Testing
import _TestSupport

/// `sluice ml ingest` and `sluice ml prepare` on the embedded housing data.
@Suite struct IngestPrepareTests {
    static let prepare = ["ml", "prepare", "--input", "HousingData.csv", "--target", "MEDV", "--train", "train.csv",
                          "--test", "test.csv", "--preprocessor", "preprocessor.json"]

    @Test func prepareSplitsImputesAndStandardizes() throws {
        let project = try FixtureProject("housing")
        defer { project.directory.remove() }
        let result = try project.run(Self.prepare)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let train = try CSVReader.read(path: project.directory.url("train.csv"))
        let test = try CSVReader.read(path: project.directory.url("test.csv"))
        #expect(train.rowCount == 404 && test.rowCount == 102)
        #expect(train.columnNames.last == "MEDV" && train.columnCount == 14)
        for name in train.columnNames where name != "MEDV" {
            let values = try train.numericColumn(named: name)
            #expect(!values.contains { $0.isNaN }, "NaN left in \(name)")
            let mean = values.reduce(0, +) / Double(values.count)
            let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
            #expect(abs(mean) < 1e-9 && abs(std - 1) < 1e-9, "\(name): mean \(mean), std \(std)")
            #expect(!(try test.numericColumn(named: name)).contains { $0.isNaN })
        }
        // The target is never scaled.
        let original = try CSVReader.read(path: project.directory.url("HousingData.csv")).numericColumn(named: "MEDV")
        #expect(Set(try train.numericColumn(named: "MEDV")).isSubset(of: Set(original)))
    }

    @Test func splitIsIdenticalOnEveryRun() throws {
        let project = try FixtureProject("housing")
        defer { project.directory.remove() }
        try project.run(Self.prepare)
        let first = try project.read("train.csv")
        try project.remove("train.csv")
        try project.run(Self.prepare)
        #expect(try project.read("train.csv") == first)
    }

    @Test func optionsComeFromParamsYAML() throws {
        let project = try FixtureProject("housing")
        defer { project.directory.remove() }
        try project.write("params.yaml", """
            prepare:
              target: MEDV
              test_size: 0.25
              missing: {strategy: mean, columns: {CHAS: mode}}
              outliers: {method: iqr, threshold: 1.5}
              scaling: minmax
            """)
        let result = try project.run(["ml", "prepare", "--input", "HousingData.csv", "--train", "train.csv",
                                      "--test", "test.csv", "--preprocessor", "p.json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let test = try CSVReader.read(path: project.directory.url("test.csv"))
        #expect(test.rowCount == 127)
        let preprocessor = try project.read("p.json")
        #expect(preprocessor.contains("\"method\": \"minmax\"") && preprocessor.contains("\"lower\""))
    }

    @Test(arguments: [
        ("prepare:\n  scaling: zscale\n", "params.yaml:2:12: error: prepare.scaling must be one of standard, minmax, robust, none, not 'zscale'"),
        ("prepare:\n  test_size: 2\n", "params.yaml:2:14: error: prepare.test_size must be a number in [0.0001, 0.9999], not '2'"),
        ("prepare:\n  tset_size: 0.3\n", "params.yaml:2:3: error: unknown option 'prepare.tset_size'"),
    ])
    func badOptionsAreLocated(params: String, expected: String) throws {
        let project = try FixtureProject("housing")
        defer { project.directory.remove() }
        try project.write("params.yaml", params)
        let result = try project.run(Self.prepare)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(expected), "stderr: \(result.stderr)")
        #expect(!project.exists("train.csv"))
    }

    @Test func dataProblemsFailTheTask() throws {
        let project = try FixtureProject("housing")
        defer { project.directory.remove() }
        try project.write("text.csv", "a,b,y\n1,x,3\n2,y,4\n3,z,5\n4,w,6\n5,v,7\n")
        try project.write("empty.csv", "a,b,y\n1,,3\n2,,4\n3,,5\n4,,6\n5,,7\n")
        // Text columns are encoded now; an ordinal order that misses a value stops the task.
        try project.write("params.yaml", "prepare:\n  encoding: {columns: {b: {method: ordinal, order: [x, y]}}}\n")
        let cases: [([String], String)] = [
            (["--input", "HousingData.csv", "--target", "PRICE"], "error: HousingData.csv has no target column 'PRICE'"),
            (["--input", "text.csv", "--target", "y"], "error: column 'b' holds '"),
            (["--input", "empty.csv", "--target", "y"], "error: column 'b' of empty.csv has no values at all"),
        ]
        for (arguments, expected) in cases {
            let result = try project.run(["ml", "prepare", "--train", "t.csv", "--test", "s.csv", "--preprocessor", "p.json"] + arguments)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix(expected), "stderr: \(result.stderr)")
            #expect(!project.exists("t.csv"))
        }
    }

    @Test func ingestReportsAndCopiesExactly() throws {
        let project = try FixtureProject("housing")
        defer { project.directory.remove() }
        try project.write("params.yaml", "ingest:\n  target: MEDV\n  feature_ranges: {RM: [4, 8], CRIM: [0, 100]}\n")
        let result = try project.run(["ml", "ingest", "--source", "HousingData.csv", "--out", "raw/housing.csv",
                                      "--report", "reports/ingest.json", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try project.read("raw/housing.csv") == project.read("HousingData.csv"))
        let report = try JSONSerialization.jsonObject(with: Data(project.read("reports/ingest.json").utf8)) as? [String: Any]
        #expect(report?["rows"] as? Int == 506 && report?["missing_cells"] as? Int == 120)
        let outOfRange = report?["out_of_range"] as? [String: Int]
        let rm = try CSVReader.read(path: project.directory.url("HousingData.csv")).numericColumn(named: "RM")
        #expect(outOfRange?["RM"] == rm.filter { $0 < 4 || $0 > 8 }.count)
        #expect(outOfRange?["CRIM"] == 0)
        #expect(result.stderr.contains("506 rows x 14 columns, 120 missing cells"))
    }

    @Test func ingestFailures() throws {
        let project = try FixtureProject("housing")
        defer { project.directory.remove() }
        try project.write("params.yaml", "ingest:\n  expected_columns: [CRIM, PRICE]\n")
        let missing = try project.run(["ml", "ingest", "--source", "HousingData.csv", "--out", "raw.csv"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: HousingData.csv lacks expected column 'PRICE'"))
        #expect(!project.exists("raw.csv"))
        try project.write("params.yaml", "ingest:\n  feature_ranges: {RM: [4, 8]}\n  fail_on_out_of_range: true\n")
        let range = try project.run(["ml", "ingest", "--source", "HousingData.csv", "--out", "raw.csv"])
        #expect(range.status == 1)
        #expect(range.stderr.contains("values are outside their feature_ranges (RM:"))
        let url = try project.run(["ml", "ingest", "--source", "http://127.0.0.1:9/none.csv", "--out", "raw.csv"])
        #expect(url.status == 1)
        #expect(url.stderr.hasPrefix("error: cannot fetch http://127.0.0.1:9/none.csv"))
        // URLs are fetched with curl or wget; without either, the error says what to install.
        let noTools = try project.run(["ml", "ingest", "--source", "https://example.com/x.csv", "--out", "raw.csv"],
                                      environment: ["PATH": project.path + "/no-such-dir"])
        #expect(noTools.status == 1)
        #expect(noTools.stderr.hasPrefix("error: cannot fetch https://example.com/x.csv: neither curl nor wget is installed"),
                "stderr: \(noTools.stderr)")
        #expect(!project.exists("raw.csv"))
        try project.write("bad.csv", "a,b\n1,2\n3\n")
        let bad = try project.run(["ml", "ingest", "--source", "bad.csv", "--out", "raw.csv"])
        #expect(bad.status == 1)  // bad data is a failure of the task, not a configuration error
        #expect(bad.stderr.hasPrefix("bad.csv:3:"), "stderr: \(bad.stderr)")
    }
}
