import Basics
import Experiments
import Testing
import _TestSupport

@Suite struct ExperimentPlanTests {
    static let params = "train:\n  max_depth: 6   # deeper trees overfit\n  learning_rate: 0.1\n  booster: gbtree\nprepare:\n  seed: 42\n"

    static func plan(_ arguments: [String], sampling: ExperimentPlan.Sampling = .grid, name: String? = nil,
                     taken: Set<String> = [], files: [String: String] = [:]) throws -> ExperimentPlan {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("params.yaml", params)
        for (path, text) in files { _ = try directory.write(path, text) }
        return try ExperimentPlan(overrides: try arguments.map { try ParamOverride(argument: $0) }, sampling: sampling,
                                  name: name, taken: taken, root: directory.path)
    }

    @Test func aGridHasOneExperimentPerCombinationLastVaryingFastest() throws {
        let plan = try Self.plan(["train.max_depth=range(3,5)", "train.learning_rate=choice(0.1,0.3)", "prepare.seed=7"], name: "grid")
        #expect(plan.definitions.map(\.name) == ["grid-1", "grid-2", "grid-3", "grid-4"])
        #expect(plan.definitions.map(\.summary) == [
            "train.max_depth=3 train.learning_rate=0.1 prepare.seed=7", "train.max_depth=3 train.learning_rate=0.3 prepare.seed=7",
            "train.max_depth=4 train.learning_rate=0.1 prepare.seed=7", "train.max_depth=4 train.learning_rate=0.3 prepare.seed=7",
        ])
        let last = try #require(plan.definitions.last?.files["params.yaml"])
        #expect(last == "train:\n  max_depth: 4   # deeper trees overfit\n  learning_rate: 0.3\n  booster: gbtree\nprepare:\n  seed: 7\n")
    }

    @Test func aCommaListIsASweepAndTextStaysText() throws {
        let plan = try Self.plan(["train.booster=gbtree,gblinear"])
        #expect(plan.definitions.map { $0.assignments[0].value } == [.string("gbtree"), .string("gblinear")])
        #expect(plan.definitions.allSatisfy { $0.name.hasPrefix("exp-") && $0.name.count == 11 })
        #expect(Set(plan.definitions.map(\.name)).count == 2)
    }

    @Test func randomSamplingIsSeeded() throws {
        let arguments = ["train.max_depth=range(2,12)", "train.learning_rate=loguniform(0.01,0.3)"]
        let first = try Self.plan(arguments, sampling: .random(count: 5, seed: 3))
        let again = try Self.plan(arguments, sampling: .random(count: 5, seed: 3))
        #expect(first.definitions.count == 5)
        #expect(first.definitions.map(\.summary) == again.definitions.map(\.summary))
    }

    @Test func anotherParamsFileIsEditedApart() throws {
        let plan = try Self.plan(["config/model.yaml:depth=4", "train.max_depth=3"], files: ["config/model.yaml": "depth: 2\n"])
        let definition = try #require(plan.definitions.first)
        #expect(definition.files["config/model.yaml"] == "depth: 4\n")
        #expect(definition.assignments.map(\.displayKey) == ["config/model.yaml:depth", "train.max_depth"])
    }

    @Test func aFlowCollectionIsOneValue() throws {
        let plan = try Self.plan(["train.booster=[a, b]"])
        #expect(plan.definitions.count == 1)
        #expect(plan.definitions.first?.files["params.yaml"]?.contains("booster: [a, b]\n") == true)
    }

    @Test(arguments: [
        (["train.max_depth=range(3,x)"], "-S 'train.max_depth=range(3,x)' at column 25"),
        (["train.max_depth=range(5,3)"], "has no values"),
        (["train.learning_rate=uniform(0.1,0.3)"], "continuous"),
        (["train.max_depth=3", "train.max_depth=4"], "'train.max_depth' is given twice"),
        (["train.max_dpth=3"], "'train.max_dpth' is not a key of params.yaml"),
        (["missing.yaml:a=1"], "params file 'missing.yaml' does not exist"),
        (["../outside.yaml:a=1"], "is outside the project"),
    ])
    func problemsAreFoundBeforeAnythingRuns(arguments: [String], expected: String) {
        #expect {
            _ = try Self.plan(arguments)
        } throws: { error in
            let messages = (error as? DiagnosticList)?.diagnostics.map(\.message) ?? [(error as? Diagnostic)?.message ?? ""]
            let cause = (error as? DiagnosticList)?.cause ?? (error as? Diagnostic)?.cause
            return cause == .configuration && messages.contains { $0.contains(expected) }
        }
    }

    @Test func aTakenNameIsRefused() {
        #expect {
            _ = try Self.plan(["train.max_depth=3"], name: "deep", taken: ["deep"])
        } throws: { error in (error as? Diagnostic)?.message == "an experiment named 'deep' exists" }
    }
}
