import Basics
import Foundation
import GradientBoosting
import MLTasks
import Tabular
import Testing
import _TestSupport

/// Training straight from a raw CSV with text columns: each becomes a categorical
/// feature whose strings the model file keeps, and prediction maps strings through them.
@Suite struct RawCategoryTaskTests {
    /// A CSV whose target depends on the text column `color` (from `colors`, by index) and on `x`.
    static func csv(rows: Int, colors: (Int) -> String, withTarget: Bool = true) -> String {
        var lines = [withTarget ? "color,x,price" : "color,x"]
        for row in 0..<rows {
            let color = colors(row), x = Double(row % 7)
            let effect = Double(color.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 5)
            lines.append(withTarget ? "\(color),\(x),\(3 * effect + x)" : "\(color),\(x)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func train(_ directory: TemporaryDirectory, _ text: String) throws -> TrainTask.Result {
        var options = TrainTask.Options(trainPath: try directory.write("train.csv", text), modelPath: directory.url("model.json"))
        options.target = "price"
        options.paramsPath = try directory.write("params.yaml", "train:\n  n_estimators: 10\n  max_depth: 3\n")
        return try TrainTask(options: options).run()
    }

    static func predict(_ directory: TemporaryDirectory, _ text: String) throws -> [String] {
        let input = try directory.write("new.csv", text)
        _ = try PredictTask(options: .init(modelPath: directory.url("model.json"), inputPath: input, outputPath: directory.url("out.csv"))).run()
        return try directory.read("out.csv").split(separator: "\n").dropFirst().map(String.init)
    }

    @Test func textColumnTrainsAsCategoricalAndUnseenCategoriesPredictAsMissing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let colors = ["red", "blue", "green", "yellow"]
        let result = try Self.train(directory, Self.csv(rows: 200) { colors[$0 % 4] })
        #expect(result.model.featureTypes == [.categorical, .numeric])
        let model = try Booster.load(path: directory.url("model.json"))
        #expect(model.categoryNames == [["blue", "green", "red", "yellow"], []])
        #expect(model.featureTypes == [.categorical, .numeric])
        let predictions = try Self.predict(directory, "color,x\nred,1\npurple,1\n,1\nblue,1\n")
        #expect(predictions.count == 4)
        #expect(predictions[1] == predictions[2], "an unseen category predicts as a missing one")
        #expect(predictions[0] != predictions[3], "red and blue have different effects")
        // The codes follow the model's list, not the order of the new file's own dictionary.
        let reordered = try Self.predict(directory, "color,x\nblue,1\nred,1\n")
        #expect(reordered == [predictions[3], predictions[0]])
    }

    @Test func moreThan254CategoriesKeepTheMostFrequentAndWarn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // 300 categories: c000…c049 appear three times each, the rest once.
        let names = (0..<300).map { "c" + String(1000 + $0).dropFirst() }
        let rows = names.enumerated().flatMap { index, name in Array(repeating: name, count: index < 50 ? 3 : 1) }
        let result = try Self.train(directory, Self.csv(rows: rows.count) { rows[$0] })
        let kept = result.model.categoryNames[0]
        #expect(kept.count == 254)
        #expect(Set(names.prefix(50)).isSubset(of: kept))
        #expect(kept == kept.sorted())
        #expect(result.warnings.contains { $0.contains("'color'") && $0.contains("300 categories") && $0.contains("46") })
    }

    @Test func identifierLikeColumnIsNamedInAWarning() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try Self.train(directory, Self.csv(rows: 1_200) { "id\($0)" })
        #expect(result.warnings.contains { $0.contains("'color'") && $0.contains("identifier") && $0.contains("drop it") })
    }

    @Test func dateColumnIsRefusedWithAHint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "day,x,price\n" + (0..<40).map { "2024-01-\(String(format: "%02d", $0 % 28 + 1)),\($0),\($0 * 2)" }.joined(separator: "\n") + "\n"
        #expect { try Self.train(directory, text) } throws: { error in
            let failure = error as? TaskFailure
            return failure?.message.contains("'day' holds dates") == true && failure?.hint?.contains("ml prepare") == true
        }
    }
}
