/// Clipping bounds learnt by `OutlierClipper.fit`, as plain data.
package struct FittedClipper: Sendable, Hashable {
    /// The inclusive range each column's values are clamped into.
    package var bounds: [String: ClosedRange<Double>]

    /// Fitted bounds, for example read back from a preprocessor file.
    package init(bounds: [String: ClosedRange<Double>]) { self.bounds = bounds }

    /// The lower bound per column, for storing as plain numbers.
    package var lowerBounds: [String: Double] { bounds.mapValues(\.lowerBound) }
    /// The upper bound per column, for storing as plain numbers.
    package var upperBounds: [String: Double] { bounds.mapValues(\.upperBound) }

    /// `table` with every fitted column clamped into its bounds; NaN stays NaN.
    package func transform(_ table: Table) throws -> Table {
        try table.mappingNumericColumns(bounds.keys.sorted()) { name, values in
            guard let range = bounds[name] else { return values }
            return values.map { $0.isNaN ? $0 : min(max($0, range.lowerBound), range.upperBound) }
        }
    }
}
