/// Model metrics as pure functions of targets and predictions.
///
/// Both arrays must have the same length (a caller's contract, checked by the
/// caller that reads them from files). An empty input gives NaN, as a mean of
/// nothing would.
package enum Metrics {
    /// Root mean squared error.
    package static func rmse(_ actual: [Double], _ predicted: [Double]) -> Double {
        meanSquaredError(actual, predicted).squareRoot()
    }

    /// Mean squared error.
    package static func meanSquaredError(_ actual: [Double], _ predicted: [Double]) -> Double {
        mean(zip(actual, predicted).map { ($0 - $1) * ($0 - $1) })
    }

    /// Mean absolute error.
    package static func mae(_ actual: [Double], _ predicted: [Double]) -> Double {
        mean(zip(actual, predicted).map { abs($0 - $1) })
    }

    /// The coefficient of determination, 1 - SS_res / SS_tot. For a constant target
    /// it is 1 when the predictions are exact and 0 otherwise, as in scikit-learn.
    package static func r2(_ actual: [Double], _ predicted: [Double]) -> Double {
        guard !actual.isEmpty else { return .nan }
        let center = mean(actual)
        let residual = zip(actual, predicted).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = actual.reduce(0.0) { $0 + ($1 - center) * ($1 - center) }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// Mean absolute percentage error as a fraction (0.1 is 10%), over the rows whose
    /// target is not zero, where the percentage is undefined; NaN when all are zero.
    package static func mape(_ actual: [Double], _ predicted: [Double]) -> Double {
        mean(zip(actual, predicted).compactMap { $0 == 0 ? nil : abs(($0 - $1) / $0) })
    }

    /// The arithmetic mean; NaN for no values.
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
