import Basics
import Foundation

/// What one batch of predictions looked like, appended to a run's `batches.jsonl`
/// by `ml predict`, so monitoring can later see what production was asked and what
/// it answered without keeping the rows.
///
/// A line: `{"time": 1795350615.123, "input": "new.csv", "model": "models/production/latest",
/// "rows": 1000, "predict_seconds": 0.002, "missing_rate": {"CRIM": 0.01, …},
/// "prediction": {"mean": …, "p01": …, "p05": …, "p25": …, "p50": …, "p75": …, "p95": …, "p99": …}}`.
package struct BatchSummary: Sendable {
    /// The quantiles recorded of the predictions, with their keys.
    package static let quantiles: [(key: String, level: Double)] = [
        ("p01", 0.01), ("p05", 0.05), ("p25", 0.25), ("p50", 0.5), ("p75", 0.75), ("p95", 0.95), ("p99", 0.99),
    ]

    /// When the batch was predicted.
    package var time: Date
    /// The input file.
    package var input: String
    /// The model file or bundle.
    package var model: String
    /// Rows predicted.
    package var rows: Int
    /// Seconds spent predicting.
    package var predictSeconds: Double
    /// Per input column, the fraction of its cells that were missing, in input order.
    package var missingRates: [(column: String, rate: Double)]
    /// The predictions' mean and `quantiles` (NaN when there were no rows).
    package var prediction: [(key: String, value: Double)]

    /// A summary of `rows` predictions, given their mean and `quantiles` (in that
    /// order, after the mean), and the missing rates of the input.
    package init(time: Date, input: String, model: String, rows: Int, predictSeconds: Double,
                 missingRates: [(column: String, rate: Double)], mean: Double, quantileValues: [Double]) {
        self.time = time
        self.input = input
        self.model = model
        self.rows = rows
        self.predictSeconds = predictSeconds
        self.missingRates = missingRates
        prediction = [("mean", mean)] + zip(Self.quantiles, quantileValues).map { ($0.key, $1) }
    }

    /// The line as `batches.jsonl` holds it (NaN as `null`).
    package var json: JSONValue {
        .object([
            ("time", .double((time.timeIntervalSince1970 * 1000).rounded() / 1000)), ("input", .string(input)),
            ("model", .string(model)), ("rows", .int(rows)), ("predict_seconds", .double(predictSeconds)),
            ("missing_rate", .object(missingRates.map { ($0.column, .double($0.rate)) })),
            ("prediction", .object(prediction.map { ($0.key, $0.value.isNaN ? .null : .double($0.value)) })),
        ])
    }

    /// Appends the summary to `runDirectory/batches.jsonl`.
    package func append(toRun runDirectory: String) throws {
        try JSONLinesAppender(path: runDirectory + "/batches.jsonl").append([json])
    }
}
