import Basics
import SearchSpace

/// One candidate of a search and how it scored across the folds.
package struct TuneCandidate: Sendable {
    /// Its number, from 1, in the order the search drew it.
    package var number: Int
    /// The values it sets.
    package var point: SearchPoint
    /// The metric on each fold's held-out rows, by fold.
    package var scores: [Double]
    /// Each fold's tree count (fewer than n_estimators when early stopping ended it).
    package var rounds: [Int]

    /// The mean of the fold scores.
    package var mean: Double { scores.reduce(0, +) / Double(max(1, scores.count)) }

    /// The standard deviation of the fold scores (divided by the fold count, as scikit-learn's `std_test_score`).
    package var standardDeviation: Double {
        let mean = mean
        return (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, scores.count))).squareRoot()
    }

    /// The folds' mean tree count, rounded.
    package var meanRounds: Int { Int((Double(rounds.reduce(0, +)) / Double(max(1, rounds.count))).rounded()) }

    /// The candidate as a JSON object for the metrics file.
    func json(rank: Int, metric: String) -> JSONValue {
        .object([
            ("rank", .int(rank)), ("candidate", .int(number)),
            ("params", .object(point.assignments.map { ($0.name, $0.value.json) })),
            ("mean_\(metric)", .double(mean)), ("sd_\(metric)", .double(standardDeviation)),
            ("folds", .array(scores.map(JSONValue.double))), ("rounds", .int(meanRounds)),
        ])
    }
}
