import Basics
import GradientBoosting
import MLTasks
import Testing
import _TestSupport

/// The `train` section of params.yaml read into booster parameters: every key, and
/// the located message of each kind of bad value.
@Suite struct BoosterParametersParamsTests {
    static func parameters(_ yaml: String) throws -> BoosterParameters {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("params.yaml", "train:\n" + yaml)
        return try BoosterParameters(section: ParamsSection.load(path: path, displayName: "params.yaml", section: "train"))
    }

    @Test func absentKeysKeepTheDefaults() throws {
        #expect(try Self.parameters("  {}\n") == BoosterParameters())
    }

    @Test func everyKeyIsRead() throws {
        let parameters = try Self.parameters("""
              objective: binary:logistic
              n_estimators: 7
              learning_rate: 0.05
              max_depth: 0
              max_leaves: 31
              grow_policy: lossguide
              min_child_weight: 2
              reg_lambda: 0.5
              reg_alpha: 0.25
              gamma: 1
              subsample: 0.8
              colsample_bytree: 0.7
              max_bin: 64
              base_score: 0.4
              seed: 9
              n_jobs: 3
              early_stopping_rounds: 5

            """)
        var expected = BoosterParameters()
        expected.objective = .logistic
        (expected.nEstimators, expected.learningRate, expected.maxDepth, expected.maxLeaves) = (7, 0.05, 0, 31)
        expected.growPolicy = .lossguide
        (expected.minChildWeight, expected.regLambda, expected.regAlpha, expected.gamma) = (2, 0.5, 0.25, 1)
        (expected.subsample, expected.colsampleByTree, expected.maxBin, expected.baseScore) = (0.8, 0.7, 64, 0.4)
        (expected.seed, expected.nJobs, expected.earlyStoppingRounds) = (9, 3, 5)
        #expect(parameters == expected)
    }

    @Test func nullLeavesOptionalParametersUnset() throws {
        let parameters = try Self.parameters("  n_jobs: null\n  early_stopping_rounds: ~\n  base_score: null\n")
        #expect(parameters == BoosterParameters())
    }

    @Test(arguments: [
        ("n_estimators: 0", "params.yaml:2:17: error: train.n_estimators must be an integer in 1...100000, not '0'"),
        ("max_depth: deep", "params.yaml:2:14: error: train.max_depth must be an integer in 0...64, not 'deep'"),
        ("max_depth: 6.5", "params.yaml:2:14: error: train.max_depth must be an integer in 0...64, not '6.5'"),
        ("learning_rate: 0", "params.yaml:2:18: error: train.learning_rate must be a number in (0.0, 1.0], not '0'"),
        ("subsample: 1.5", "params.yaml:2:14: error: train.subsample must be a number in (0.0, 1.0], not '1.5'"),
        ("reg_lambda: -1", "params.yaml:2:15: error: train.reg_lambda must be a number in [0.0, inf), not '-1'"),
        ("gamma: .inf", "params.yaml:2:10: error: train.gamma must be a number in [0.0, inf), not '.inf'"),
        ("min_child_weight: [1]", "params.yaml:2:21: error: train.min_child_weight must be a number in [0.0, inf), not a sequence"),
        ("objective: multi:softmax", "params.yaml:2:14: error: train.objective must be one of reg:squarederror, binary:logistic, not 'multi:softmax'"),
        ("grow_policy: fast", "params.yaml:2:16: error: train.grow_policy must be one of depthwise, lossguide, not 'fast'"),
        ("max_bin: 257", "params.yaml:2:12: error: train.max_bin must be an integer in 2...256, not '257'"),
        ("seed: -1", "params.yaml:2:9: error: train.seed must be an integer in 0..., not '-1'"),
        ("n_jobs: 0", "params.yaml:2:11: error: train.n_jobs must be an integer in 1...1024, not '0'"),
        ("early_stopping_rounds: 0", "params.yaml:2:26: error: train.early_stopping_rounds must be an integer in 1...100000, not '0'"),
        // Before the table, a base_score that was not a number said "a number in any range".
        ("base_score: .nan", "params.yaml:2:15: error: train.base_score must be a finite number, not '.nan'"),
        ("base_score: high", "params.yaml:2:15: error: train.base_score must be a finite number, not 'high'"),
        ("objective: binary:logistic\n  base_score: 1", "params.yaml:3:15: error: train.base_score must be a number in (0, 1) for binary:logistic, not '1'"),
        ("max_depth: 0", "params.yaml:2:3: error: train: max_depth 0 (no limit) needs grow_policy: lossguide"),
        ("grow_policy: lossguide\n  max_depth: 0", "params.yaml:2:3: error: train: lossguide growth needs max_leaves or max_depth to bound the trees"),
    ])
    func badValuesAreLocatedAndNameTheAllowedValues(_ yaml: String, _ message: String) throws {
        do {
            _ = try Self.parameters("  " + yaml + "\n")
            Issue.record("expected an error for \(yaml)")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.description == message)
        }
    }

    @Test func unknownKeysSuggestTheNearestParameter() throws {
        do {
            _ = try Self.parameters("  learning_rat: 0.1\n")
            Issue.record("expected an error")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.map(\.message) == ["unknown option 'train.learning_rat'"])
            #expect(list.diagnostics.first?.hint == "did you mean 'learning_rate'?")
        }
    }
}
