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
              encoding: {drop: first, date_parts: [dayofweek, is_weekend]}
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
}
