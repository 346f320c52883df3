import Basics
import Foundation
import GradientBoosting
import MLTasks
import SearchSpace
import Testing
import _TestSupport

@Suite struct CrossValidationFoldsTests {
    @Test func stratifiedFoldsHoldEachLabelInItsShare() {
        let labels = [Double](repeating: 0, count: 30) + [Double](repeating: 1, count: 10)
        let folds = CrossValidationFolds(labels: labels, count: 5, stratified: true, seed: 3)
        for fold in 0..<5 {
            let rows = folds.heldOut(fold)
            #expect(rows.count == 8)
            #expect(rows.filter { labels[$0] == 1 }.count == 2)
            #expect(Set(rows).isDisjoint(with: folds.training(fold)))
            #expect(rows.count + folds.training(fold).count == 40)
        }
    }

    @Test func plainFoldsDifferInSizeByAtMostOne() {
        let folds = CrossValidationFolds(labels: (0..<23).map(Double.init), count: 5, stratified: false, seed: 1)
        #expect((0..<5).map { folds.heldOut($0).count } == [5, 5, 5, 4, 4])
    }

    @Test func foldsAreFixedBySeed() {
        let labels = (0..<50).map { Double($0 % 2) }
        #expect(CrossValidationFolds(labels: labels, count: 5, stratified: true, seed: 9)
            == CrossValidationFolds(labels: labels, count: 5, stratified: true, seed: 9))
        #expect(CrossValidationFolds(labels: labels, count: 5, stratified: true, seed: 9)
            != CrossValidationFolds(labels: labels, count: 5, stratified: true, seed: 10))
    }
}

@Suite struct TuneTaskTests {
    /// A directory with data.csv (y = x, 20 rows) and params.yaml holding `params`.
    private func project(_ params: String, rows: Int = 20) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let lines = (0..<rows).map { "\($0),\(Double($0 % 7) * 0.5),\($0)" }
        _ = try directory.write("data.csv", "x,z,y\n" + lines.joined(separator: "\n") + "\n")
        _ = try directory.write("params.yaml", params)
        return directory
    }

    private func task(_ directory: TemporaryDirectory) -> TuneTask {
        var options = TuneTask.Options(trainPath: directory.url("data.csv"), outPath: directory.url("best.yaml"))
        options.target = "y"
        options.paramsPath = directory.url("params.yaml")
        options.metricsPath = directory.url("tune.json")
        options.tablePath = directory.url("cv.csv")
        return TuneTask(options: options)
    }

    @Test func bestCandidateHasTheBestMeanAndTheScoresAreTheFoldsRMSE() throws {
        // With a vanishing learning rate each fold predicts its training rows' mean (the
        // base score): its RMSE is computed here by hand from the same folds.
        let directory = try project("""
            train: {n_estimators: 1, max_depth: 3, reg_lambda: 0, min_child_weight: 0}
            tune: {cv: 4, method: grid, seed: 5, space: {learning_rate: 'choice(0.000001, 1.0)'}}
            """)
        defer { directory.remove() }
        let result = try task(directory).run()
        #expect(result.ranked.count == 2)
        #expect(result.ranked[0].point["learning_rate"] == .double(1.0))
        #expect(result.ranked[0].mean <= result.ranked[1].mean)
        let labels = (0..<20).map(Double.init)
        let folds = CrossValidationFolds(labels: labels, count: 4, stratified: false, seed: 5)
        let expected = (0..<4).map { fold -> Double in
            let mean = folds.training(fold).map { labels[$0] }.reduce(0, +) / Double(folds.training(fold).count)
            let held = folds.heldOut(fold)
            return (held.map { (labels[$0] - mean) * (labels[$0] - mean) }.reduce(0, +) / Double(held.count)).squareRoot()
        }
        let slow = result.ranked[1]
        for (score, hand) in zip(slow.scores, expected) { #expect(abs(score - hand) < 1e-3 * hand) }
        let handMean = expected.reduce(0, +) / 4
        #expect(abs(slow.mean - handMean) < 1e-3 * handMean)
    }

    @Test func searchIsDeterministicForASeed() throws {
        let params = """
            train: {n_estimators: 5, max_depth: 2}
            tune:
              cv: 3
              n_iter: 4
              seed: 11
              space: {subsample: 'uniform(0.5, 1)', max_depth: 'range(1,4)', learning_rate: 'loguniform(0.05, 0.5)'}
            """
        let first = try project(params), second = try project(params)
        defer { first.remove(); second.remove() }
        let a = try task(first).run(), b = try task(second).run()
        #expect(a.ranked.map(\.point) == b.ranked.map(\.point))
        #expect(a.ranked.map(\.scores) == b.ranked.map(\.scores))
        // The header names each project's own params file; the section itself is the same.
        let body = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        #expect(try body(first.read("best.yaml")) == body(second.read("best.yaml")))
    }

    @Test func bestParamsAreATrainSectionThatMlTrainReads() throws {
        let directory = try project("""
            train: {n_estimators: 3, gamma: 0.5, max_depth: 2}
            tune: {cv: 2, method: grid, space: {max_depth: [1, 3], learning_rate: 0.5}}
            """)
        defer { directory.remove() }
        let result = try task(directory).run()
        let section = try ParamsSection.load(path: directory.url("best.yaml"), displayName: "best.yaml", section: "train")
        let parameters = try BoosterParameters(section: section)
        #expect(parameters.gamma == 0.5 && parameters.nEstimators == 3)
        #expect(parameters.learningRate == 0.5)
        #expect(result.ranked[0].point["max_depth"] == .int(parameters.maxDepth))
        let csv = try directory.read("cv.csv")
        #expect(csv.hasPrefix("rank,candidate,max_depth,learning_rate,mean_rmse,sd_rmse,rounds"))
    }

    @Test func earlyStoppingSetsTheRoundCountOfTheBest() throws {
        let directory = try project("""
            train: {n_estimators: 200, learning_rate: 1.0}
            tune: {cv: 2, method: grid, early_stopping_rounds: 3, space: {max_depth: 'choice(2)'}}
            """)
        defer { directory.remove() }
        let result = try task(directory).run()
        #expect(result.ranked[0].rounds.allSatisfy { $0 < 200 })
        let parameters = try BoosterParameters(section: ParamsSection.load(
            path: directory.url("best.yaml"), displayName: "best.yaml", section: "train"))
        #expect(parameters.nEstimators == result.ranked[0].meanRounds)
    }

    /// The error a tune section gives, with its location.
    private func failure(_ tune: String) throws -> Diagnostic? {
        let directory = try project("train: {n_estimators: 2}\ntune:\n" + tune)
        defer { directory.remove() }
        do {
            _ = try task(directory).run()
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic
        }
    }

    @Test func unknownKeyNamesTheNearest() throws {
        let error = try #require(try failure("  space: {max_dpth: 'range(3,9)'}\n"))
        #expect(error.message.contains("tune.space.max_dpth"))
        #expect(error.hint?.contains("max_depth") == true)
        #expect(error.location?.line == 3 && error.location?.column == 11)
    }

    @Test func malformedExpressionIsLocatedInsideTheValue() throws {
        // The value starts after its quote at column 23; `)`, where the stop was due, is 8 further.
        let error = try #require(try failure("  space: {max_depth: 'range(3,)'}\n"))
        #expect(error.location?.line == 3 && error.location?.column == 31, "\(error)")
        #expect(error.message.contains("expected a value"))
    }

    @Test(arguments: [
        ("  space: {max_depth: 'range(3,70)'}\n", "max_depth must be an integer in 0...64"),
        ("  space: {max_depth: 'uniform(1,5)'}\n", "draws real numbers"),
        ("  space: {subsample: 'uniform(0.5,1.5)'}\n", "1.5 is not allowed: subsample must be a number in (0"),
        ("  space: {grow_policy: 'choice(depthwise,deep)'}\n", "deep is not allowed"),
        ("  space: {}\n", "tune.space is empty"),
        ("  cv: 3\n", "tune.space is missing"),
        ("  space: {objective: 'choice(binary:logistic)'}\n", "cannot be searched"),
        ("  method: grid\n  space: {learning_rate: 'uniform(0.1,0.3)'}\n", "is continuous"),
        ("  metric: auc\n  space: {max_depth: 3}\n", "tune.metric must be one of rmse"),
        ("  space: {max_depth: 'range(5,5)'}\n", "has no values"),
    ])
    func badSearchSpacesAreLocatedErrors(tune: String, message: String) throws {
        let error = try #require(try failure(tune))
        #expect(error.message.contains(message), "\(error)")
        #expect(error.location?.line ?? 0 >= 2, "\(error)")
        #expect(error.cause == .configuration)
    }
}
