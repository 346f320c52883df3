import Basics
import Foundation
import GradientBoosting
import SearchSpace
import Tabular
import YAML

/// What a search writes: the best parameters as a params file, the ranked table as JSON
/// (the metrics file) and CSV, and the folds.
extension TuneTask {
    /// The metrics document: the search's settings, the best candidate and the ranked table.
    func metricsDocument(_ result: Result, configuration: TuneConfiguration, stratified: Bool) -> JSONValue {
        let metric = result.metric
        var members: [(key: String, value: JSONValue)] = [
            ("metric", .string(metric)), ("greater_is_better", .bool(result.maximizes)),
            ("method", .string(configuration.method.rawValue)), ("cv", .int(result.folds)), ("stratified", .bool(stratified)),
            ("seed", .int(Int(clamping: configuration.seed))), ("candidates", .int(result.ranked.count)),
            ("fit_seconds", .double(result.fitSeconds)),
        ]
        if let best = result.ranked.first {
            members.append(("best", .object([
                ("candidate", .int(best.number)), ("params", .object(bestAssignments(best, configuration).map { ($0.name, $0.value.json) })),
                ("mean_\(metric)", .double(best.mean)), ("sd_\(metric)", .double(best.standardDeviation)),
            ])))
        }
        members.append(("table", .array(result.ranked.enumerated().map { $1.json(rank: $0 + 1, metric: metric) })))
        return .object(members)
    }

    /// The values the best candidate sets, with n_estimators from its folds' rounds when they stopped early.
    func bestAssignments(_ best: TuneCandidate, _ configuration: TuneConfiguration) -> [SearchPoint.Assignment] {
        var assignments = best.point.assignments
        guard configuration.earlyStoppingRounds != nil else { return assignments }
        assignments.removeAll { $0.name == "n_estimators" }
        assignments.append(.init(name: "n_estimators", value: .int(max(1, best.meanRounds))))
        return assignments
    }

    /// Writes every output the options name.
    func writeOutputs(_ result: Result, trainSection: ParamsSection, configuration: TuneConfiguration, folds: CrossValidationFolds) throws {
        guard let best = result.ranked.first else { return }
        try AtomicFile.write(bestParamsText(best, trainSection: trainSection, result: result, configuration: configuration), to: options.outPath)
        if let metricsPath = options.metricsPath { try AtomicFile.write(JSONWriter.pretty.string(result.metrics) + "\n", to: metricsPath) }
        if let tablePath = options.tablePath { try CSVWriter.write(try table(result), to: tablePath) }
        if let foldsPath = options.foldsPath {
            let rows = folds.assignment.indices
            try CSVWriter.write(try Table([("row", .numeric(rows.map(Double.init))), ("fold", .numeric(folds.assignment.map(Double.init)))]),
                                to: foldsPath)
        }
    }

    /// A params file whose train section is the base section with the best candidate's
    /// values: `ml train --params` on it trains the chosen model.
    func bestParamsText(_ best: TuneCandidate, trainSection: ParamsSection, result: Result, configuration: TuneConfiguration) -> String {
        var members: [(key: String, value: JSONValue)] = []
        if case .object(let given)? = trainSection.node?.json { members = given }
        for assignment in bestAssignments(best, configuration) {
            if let index = members.firstIndex(where: { $0.key == assignment.name }) {
                members[index].value = assignment.value.json
            } else {
                members.append((assignment.name, assignment.value.json))
            }
        }
        let header = "# Written by sluice ml tune: candidate \(best.number) of \(result.ranked.count), "
            + "\(result.metric) \(JSONWriter.number(best.mean)) ± \(JSONWriter.number(best.standardDeviation)) over \(result.folds) folds.\n"
            + "# The \(options.trainSection) section of \(options.paramsPath) with the best candidate's values.\n"
        return header + YAMLEmitter.string(.object([(options.trainSection, .object(members))]))
    }

    /// The ranked table: rank, candidate, one column per dimension, mean and sd of the metric, rounds.
    func table(_ result: Result) throws -> Table {
        let names = result.ranked.first?.point.assignments.map(\.name) ?? []
        var columns: [(name: String, column: Column)] = [
            ("rank", .numeric(result.ranked.indices.map { Double($0 + 1) })),
            ("candidate", .numeric(result.ranked.map { Double($0.number) })),
        ]
        for name in names {
            let values = result.ranked.map { $0.point[name] }
            if values.allSatisfy({ $0?.number != nil }) {
                columns.append((name, .numeric(values.map { $0?.number ?? .nan })))
            } else {
                columns.append((name, .category(CategoryColumn(values.map { $0?.description ?? "" }))))
            }
        }
        columns.append(("mean_\(result.metric)", .numeric(result.ranked.map(\.mean))))
        columns.append(("sd_\(result.metric)", .numeric(result.ranked.map(\.standardDeviation))))
        columns.append(("rounds", .numeric(result.ranked.map { Double($0.meanRounds) })))
        return try Table(columns)
    }
}
