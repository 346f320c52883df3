import Foundation
import GradientBoosting
import MLTasks
import Tabular
import Testing
import _TestSupport

/// `ml explain` writes a column per model feature and `bias`, each row adding up to
/// the model's margin, and a page that draws the ranking and the dependence plots.
@Suite struct ExplainTaskTests {
    /// A model of 20 trees on x (strong), y (weak) and z (unused noise), written to `dir`.
    static func model(in dir: TemporaryDirectory) throws -> (path: String, booster: Booster, columns: [[Double]]) {
        let n = 300
        let x = (0..<n).map { Double($0 % 17) }, y = (0..<n).map { Double(($0 * 7) % 11) }, z = (0..<n).map { _ in 1.0 }
        var xs = x
        xs[5] = .nan
        let labels = (0..<n).map { (x[$0] > 8 ? 10.0 : 0) + y[$0] * 0.3 }
        var parameters = BoosterParameters()
        (parameters.nEstimators, parameters.maxDepth) = (20, 3)
        let booster = try Booster.train(TrainingSet(columns: [xs, y, z], labels: labels), featureNames: ["x", "y", "z"], parameters: parameters)
        let path = dir.url("model.json")
        try booster.write(to: path)
        return (path, booster, [xs, y, z])
    }

    @Test func writesValuesPerFeatureAndBiasThatAddUpToTheMargin() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (modelPath, booster, columns) = try Self.model(in: dir)
        var text = "y,target,x,z\n"
        for row in 0..<columns[0].count {
            text += "\(columns[1][row]),0,\(columns[0][row].isNaN ? "" : String(columns[0][row])),\(columns[2][row])\n"
        }
        let input = try dir.write("in.csv", text)
        var options = ExplainTask.Options(modelPath: modelPath, inputPath: input, outputPath: dir.url("shap.csv"))
        options.htmlPath = dir.url("explain.html")
        let result = try ExplainTask(options: options).run()
        #expect(result.rows == 300)
        #expect(result.ranking.map(\.feature) == ["x", "y", "z"])
        #expect(result.ranking.last?.meanAbsolute == 0)
        let shap = try CSVReader.read(path: dir.url("shap.csv"))
        #expect(shap.columnNames == ["x", "y", "z", "bias"])
        let margins = booster.predictMargins(columns: columns, threads: 1)
        let values = try shap.columnNames.map { try shap.numericColumn(named: $0) }
        var worst = 0.0
        for row in 0..<shap.rowCount { worst = max(worst, abs(values.reduce(0) { $0 + $1[row] } - Double(margins[row]))) }
        #expect(worst < 1e-4)
        let page = try String(contentsOfFile: dir.url("explain.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<svg class=\"chart\"").count - 1 == 4)  // the bars and three dependence plots
        #expect(page.contains("Dependence: x"))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))
    }

    @Test func missingFeatureColumnIsAFailureNamingIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (modelPath, _, _) = try Self.model(in: dir)
        let input = try dir.write("in.csv", "x,y\n1,2\n")
        let task = ExplainTask(options: ExplainTask.Options(modelPath: modelPath, inputPath: input, outputPath: dir.url("shap.csv")))
        do {
            _ = try task.run()
            Issue.record("a missing column was accepted")
        } catch let failure as TaskFailure {
            #expect(failure.message.contains("'z'"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.url("shap.csv")))
    }
}
