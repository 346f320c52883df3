import Basics

/// Outlier clipping to fit on training data: learns bounds per column, then clamps
/// any table's values into them.
package struct OutlierClipper: Sendable, Hashable {
    /// How the bounds are chosen.
    package enum Method: Sendable, Hashable {
        /// `[Q1 - k·IQR, Q3 + k·IQR]` (Tukey's fences; k is usually 1.5).
        case iqr(k: Double = 1.5)
        /// `mean ± threshold·std` with the population standard deviation.
        case zscore(threshold: Double = 3)
    }

    /// How the bounds are chosen.
    package var method: Method

    /// A clipper using `method`.
    package init(_ method: Method) { self.method = method }

    /// Learns bounds for `columns` (default: every numeric column), ignoring missing
    /// cells; throws for an unknown or text column, or one with no present value.
    package func fit(_ table: Table, columns: [String]? = nil) throws -> FittedClipper {
        var bounds: [String: ClosedRange<Double>] = [:]
        for name in try table.resolveNumericColumns(columns) {
            let values = try table.numericColumn(named: name)
            let (lower, upper): (Double, Double)
            switch method {
            case .iqr(let k):
                let sorted = Statistics.present(values).sorted()
                let q1 = Statistics.quantile(sorted: sorted, 0.25), q3 = Statistics.quantile(sorted: sorted, 0.75)
                let iqr = Statistics.spread(q3, q1)
                // Bounds beyond the finite numbers clamp nothing more than the largest ones do.
                (lower, upper) = (Statistics.finite(q1 - k * iqr), Statistics.finite(q3 + k * iqr))
            case .zscore(let threshold):
                let mean = Statistics.mean(values), std = Statistics.standardDeviation(values)
                (lower, upper) = (Statistics.finite(mean - threshold * std), Statistics.finite(mean + threshold * std))
            }
            guard !lower.isNaN, !upper.isNaN, lower <= upper else {
                throw Diagnostic.failure(
                    "column '\(name)' has no values to fit clipping bounds on",
                    hint: "impute or drop the column before clipping, and use a non-negative factor")
            }
            bounds[name] = lower...upper
        }
        return FittedClipper(bounds: bounds)
    }
}
