import Basics

/// A feature scaler to fit on training data: every kind is learnt as a center and a
/// scale per column, so that `x' = (x - center) / scale`.
package struct Scaler: Sendable, Hashable {
    /// How the center and scale are chosen.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Center at the mean, scale by the population standard deviation (1 when it is 0).
        case standard
        /// Center at the minimum, scale by the range (1 when it is 0, so constants map to 0).
        case minmax
        /// Center at the median, scale by the interquartile range (1 when it is 0).
        case robust
        /// Center 0, scale 1: values pass through unchanged.
        case none
    }

    /// How the center and scale are chosen.
    package var kind: Kind

    /// A scaler of the given kind.
    package init(_ kind: Kind) { self.kind = kind }

    /// Learns center and scale for `columns` (default: every numeric column) of
    /// `table`, ignoring missing cells. Throws for an unknown or text column, or one
    /// with no present value.
    package func fit(_ table: Table, columns: [String]? = nil) throws -> FittedScaler {
        var parameters: [String: ScalingParameters] = [:]
        for name in try table.resolveNumericColumns(columns) {
            let values = try table.numericColumn(named: name)
            let fitted = kind.parameters(for: values)
            guard !fitted.center.isNaN, !fitted.scale.isNaN else {
                throw Diagnostic.failure(
                    "column '\(name)' has no values to fit a \(kind.rawValue) scaler on",
                    hint: "impute or drop the column before scaling")
            }
            parameters[name] = fitted
        }
        return FittedScaler(kind: kind, parameters: parameters)
    }
}

extension Scaler.Kind {
    /// The center and scale for one column's values (NaN when none is present).
    func parameters(for values: [Double]) -> ScalingParameters {
        switch self {
        case .standard:
            ScalingParameters(center: Statistics.mean(values), scale: nonZero(Statistics.standardDeviation(values)))
        case .minmax:
            minMax(values)
        case .robust:
            robust(values)
        case .none:
            ScalingParameters(center: 0, scale: 1)
        }
    }

    private func minMax(_ values: [Double]) -> ScalingParameters {
        let present = Statistics.present(values)
        guard let low = present.min(), let high = present.max() else { return ScalingParameters(center: .nan, scale: .nan) }
        return ScalingParameters(center: low, scale: nonZero(Statistics.spread(high, low)))
    }

    private func robust(_ values: [Double]) -> ScalingParameters {
        let sorted = Statistics.present(values).sorted()
        let iqr = Statistics.spread(Statistics.quantile(sorted: sorted, 0.75), Statistics.quantile(sorted: sorted, 0.25))
        return ScalingParameters(center: Statistics.median(sorted), scale: nonZero(iqr))
    }

    /// A zero spread means a constant column: dividing by 1 keeps it finite.
    private func nonZero(_ scale: Double) -> Double { scale == 0 ? 1 : scale }
}
