import Basics
import Foundation
import GradientBoosting
import Testing

/// The XGBoost JSON model file: round trip, the spellings XGBoost needs, malformed files.
@Suite struct ModelFileTests {
    static func model(objective: Objective) throws -> Booster {
        var parameters = BoosterParameters()
        (parameters.objective, parameters.nEstimators, parameters.maxDepth) = (objective, 5, 3)
        var training = TrainingBehaviourTests.data(rows: 400, seed: 11)
        if objective == .logistic { training.labels = training.labels.map { $0 > 6 ? 1 : 0 } }
        var model = try Booster.train(training, featureNames: TrainingBehaviourTests.names, parameters: parameters)
        model.targetName = "y"
        return model
    }

    @Test(arguments: Objective.allCases)
    func roundTripKeepsTreesPredictionsAndMetadata(_ objective: Objective) throws {
        let model = try Self.model(objective: objective)
        let text = model.xgboostJSON()
        let read = try Booster(xgboostJSON: Data(text.utf8), file: "model.json")
        #expect(read.xgboostJSON() == text)
        #expect(read.featureNames == model.featureNames && read.targetName == "y" && read.baseScore == model.baseScore)
        #expect(read.binMapper == model.binMapper)
        let columns = TrainingBehaviourTests.data(rows: 50, seed: 12).columns
        #expect(read.predict(columns: columns) == model.predict(columns: columns))
    }

    @Test func realArraysAlwaysCarryAPointOrExponent() throws {
        let text = try Self.model(objective: .squaredError).xgboostJSON()
        for key in ["split_conditions", "base_weights", "loss_changes", "sum_hessian"] {
            let pattern = try Regex("\"\(key)\":\\[([^\\]]*)\\]")
            for match in text.matches(of: pattern) {
                let numbers = String(text[match.range]).split(separator: "[")[1].dropLast().split(separator: ",")
                #expect(numbers.allSatisfy { $0.contains(".") || $0.contains("e") }, "\(key): \(numbers.prefix(5))")
            }
        }
        #expect(text.contains("\"parents\":[2147483647,"))
        #expect(text.contains("\"base_score\":\"["))
    }

    @Test(arguments: [
        ("not JSON", "{\"learner\": ", "model.json:1:13: error: not a valid model file: expected a JSON value, found the end of the text"),
        ("unknown objective", #"{"learner":{"objective":{"name":"multi:softmax"}}}"#, "error: model.json is not a valid model file: the objective 'multi:softmax' is not one of reg:squarederror, binary:logistic"),
        ("no learner", "{}", "error: model.json is not a valid model file: it has no \"learner\""),
    ])
    func malformedFilesAreClearErrors(_ name: String, _ text: String, _ start: String) {
        do {
            _ = try Booster(xgboostJSON: Data(text.utf8), file: "model.json")
            Issue.record("\(name) was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.description.hasPrefix(start), "\(diagnostic)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func brokenTreeStructureIsRejected() throws {
        let text = try Self.model(objective: .squaredError).xgboostJSON()
        // The root's children claim to have no parent: a tree XGBoost would crash on.
        #expect(text.contains("\"parents\":[2147483647,0,0,"))
        let broken = text.replacingOccurrences(of: "\"parents\":[2147483647,0,0,", with: "\"parents\":[2147483647,2147483647,2147483647,")
        #expect(throws: Diagnostic.self) { try Booster(xgboostJSON: Data(broken.utf8), file: "model.json") }
    }
}
