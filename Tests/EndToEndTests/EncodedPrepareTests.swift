import Foundation
import Tabular
import Testing
import _TestSupport

/// `ml prepare` on a CSV with a text and a date column, then `ml train` and `ml predict` with its preprocessor.
@Suite struct EncodedPrepareTests {
    static func csv() -> String {
        var lines = ["city,when,x,y"]
        for i in 0..<40 {
            let city = ["Oslo", "Rome", "Lima"][i % 3]
            lines.append("\(city),2024-01-\(String(format: "%02d", i % 28 + 1)) 10:00:00,\(i),\(Double(i % 3) * 10 + Double(i) / 10)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func preparedTextAndDateColumnsTrainAndPredict() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("raw.csv", Self.csv())
        try project.write("params.yaml", """
            prepare:
              encoding: {method: onehot, drop: first, date_parts: [dayofweek, is_weekend]}
            """)
        let prepared = try project.run(["ml", "prepare", "--input", "raw.csv", "--target", "y", "--train", "train.csv",
                                        "--test", "test.csv", "--preprocessor", "p.json"])
        #expect(prepared.status == 0, "stderr: \(prepared.stderr)")
        let train = try CSVReader.read(path: project.directory.url("train.csv"))
        let test = try CSVReader.read(path: project.directory.url("test.csv"))
        #expect(train.columnNames == ["city=Oslo", "city=Rome", "when_dayofweek", "when_is_weekend", "x", "y"])
        #expect(test.columnNames == train.columnNames)
        let trained = try project.run(["ml", "train", "--train", "train.csv", "--model", "m.json", "--preprocessor", "p.json"])
        #expect(trained.status == 0, "stderr: \(trained.stderr)")
        try project.write("new.csv", "city,when,x\nRome,2024-02-03 08:00:00,4\nParis,2024-02-04 09:00:00,5\n")
        let predicted = try project.run(["ml", "predict", "--model", "m.json", "--preprocessor", "p.json",
                                         "--input", "new.csv", "--out", "pred.csv"])
        #expect(predicted.status == 0, "stderr: \(predicted.stderr)")
        let predictions = try CSVReader.read(path: project.directory.url("pred.csv"))
        #expect(predictions.rowCount == 2)
    }

    /// Native categories (the default): a code declared a category in `ingest.schema`
    /// keeps its leading zero through prepare, train and predict, where `01234` and
    /// `1234` are different places.
    @Test func nativeCategoriesKeepTheirSpellingFromPrepareToPrediction() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        var lines = ["zip,x,y"]
        for i in 0..<60 { lines.append("\(["01234", "1234", "5678"][i % 3]),\(i % 7),\([10, 20, 30][i % 3] + i % 7)") }
        try project.write("raw.csv", lines.joined(separator: "\n") + "\n")
        try project.write("params.yaml", "ingest:\n  schema: {zip: category}\ntrain:\n  n_estimators: 20\n  min_child_weight: 0\n")
        let prepared = try project.run(["ml", "prepare", "--input", "raw.csv", "--target", "y", "--train", "train.csv",
                                        "--test", "test.csv", "--preprocessor", "p.json"])
        #expect(prepared.status == 0, "stderr: \(prepared.stderr)")
        let train = try project.read("train.csv")
        #expect(train.hasPrefix("zip,x,y\n") && train.contains("\n01234,"))
        let trained = try project.run(["ml", "train", "--train", "train.csv", "--model", "m.json", "--preprocessor", "p.json"])
        #expect(trained.status == 0, "stderr: \(trained.stderr)")
        let model = try project.read("m.json")
        #expect(model.contains("\"feature_types\": [\"c\", \"float\"]") || model.contains("\"feature_types\":[\"c\",\"float\"]"), "\(model.prefix(600))")
        try project.write("new.csv", "zip,x\n01234,3\n1234,3\n9999,3\n")
        let predicted = try project.run(["ml", "predict", "--model", "m.json", "--preprocessor", "p.json",
                                         "--input", "new.csv", "--out", "pred.csv", "--keep", "zip"])
        #expect(predicted.status == 0, "stderr: \(predicted.stderr)")
        let predictions = try CSVReader.read(path: project.directory.url("pred.csv"), options: CSVReadOptions(schema: ["zip": ColumnSchema(type: .category)]))
        #expect(predictions["zip"] == .category(strings: ["01234", "1234", "9999"]))
        let values = try predictions.numericColumn(named: "prediction")
        #expect(abs(values[0] - 13) < 1.5 && abs(values[1] - 23) < 1.5, "\(values)")
    }
}
