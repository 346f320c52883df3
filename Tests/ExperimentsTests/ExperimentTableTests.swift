import Basics
import Experiments
import Foundation
import RunStore
import Testing

@Suite struct ExperimentTableTests {
    static func experiment(_ name: String, second: Double, status: RunStatus = .finished, depth: Int,
                           metrics: [(String, JSONValue)]) -> StoredExperiment {
        let record = RunRecord(id: "run-" + name, name: name, status: status, startTime: Date(timeIntervalSince1970: second), command: ["sluice"])
        let run = StoredRun(directory: "/nowhere/" + name, record: record, metrics: FlatValues(json: .object(metrics.map { ($0.0, $0.1) })))
        let experimentRecord = ExperimentRecord(name: name, overrides: [("train.max_depth", .int(depth))], paramsFiles: [], lockFiles: [])
        return StoredExperiment(record: experimentRecord, run: run)
    }

    static let experiments = [
        experiment("a", second: 1, depth: 3, metrics: [("rmse", .double(3.2)), ("r2", .double(0.80))]),
        experiment("b", second: 2, depth: 6, metrics: [("rmse", .double(2.9)), ("r2", .double(0.85))]),
        experiment("c", second: 3, status: .failed, depth: 9, metrics: []),
        experiment("d", second: 4, depth: 12, metrics: [("rmse", .double(3.0)), ("r2", .double(0.90))]),
    ]

    @Test func rmseIsSortedSmallestFirstByDefault() throws {
        let table = try ExperimentTable(Self.experiments, sortBy: nil, order: nil)
        #expect(table.sortedBy?.key == "rmse")
        #expect(table.sortedBy?.order == .asc)
        #expect(table.rows.map(\.name) == ["b", "d", "a", "c"])
        #expect(table.paramKeys == ["train.max_depth"])
        #expect(table.metricKeys == ["rmse", "r2"])
    }

    @Test func otherMetricsAreSortedLargestFirst() throws {
        let table = try ExperimentTable(Self.experiments, sortBy: "r2", order: nil)
        #expect(table.rows.map(\.name) == ["d", "b", "a", "c"])
    }

    @Test func theOrderCanBeGiven() throws {
        let table = try ExperimentTable(Self.experiments, sortBy: "rmse", order: .desc)
        #expect(table.rows.map(\.name) == ["a", "d", "b", "c"])
    }

    @Test(arguments: [
        ("rmse", ExperimentTable.Order.asc), ("eval.val_loss", .asc), ("mae", .asc), ("error_rate", .asc),
        ("metrics/eval.json:rmse", .asc), ("r2", .desc), ("roc_auc", .desc), ("accuracy", .desc),
    ])
    func directionComesFromTheName(key: String, order: ExperimentTable.Order) {
        #expect(ExperimentTable.defaultOrder(for: key) == order)
    }

    @Test func aKeyIsFoundByItsLastPart() throws {
        let nested = [Self.experiment("x", second: 1, depth: 1, metrics: [("eval", .object([("rmse", .double(1))]))])]
        #expect(try ExperimentTable(nested, sortBy: "rmse", order: nil).sortedBy?.key == "eval.rmse")
    }

    @Test func anUnknownMetricIsAnErrorWithASuggestion() {
        #expect {
            _ = try ExperimentTable(Self.experiments, sortBy: "rmes", order: nil)
        } throws: { error in
            (error as? Diagnostic)?.hint == "did you mean 'rmse'?"
        }
    }

    @Test func withoutAKnownMetricTheNewestComesFirst() throws {
        let plain = [Self.experiment("old", second: 1, depth: 1, metrics: [("size", .int(3))]),
                     Self.experiment("new", second: 2, depth: 2, metrics: [("size", .int(1))])]
        let table = try ExperimentTable(plain, sortBy: nil, order: nil)
        #expect(table.sortedBy == nil)
        #expect(table.rows.map(\.name) == ["new", "old"])
    }
}
