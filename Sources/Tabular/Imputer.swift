import Basics

/// What to impute: a strategy for every chosen column, with per-column overrides.
///
/// Fitting learns fill values from one table (the training data); the resulting
/// `FittedImputer` applies them to any table, so test and serving data are filled
/// with training statistics and never their own.
package struct Imputer: Sendable, Hashable {
    /// The strategy for columns without an override.
    package var strategy: ImputationStrategy
    /// Strategies for particular columns, by name.
    package var overrides: [String: ImputationStrategy]

    /// An imputer using `strategy` except where `overrides` names a column.
    package init(strategy: ImputationStrategy = .mean, overrides: [String: ImputationStrategy] = [:]) {
        self.strategy = strategy
        self.overrides = overrides
    }

    /// Learns fill values for `columns` (default: every numeric column) plus every
    /// column named in `overrides`. Text columns may only use `drop`. Throws for an
    /// unknown column, or a statistic of a column with no present value.
    package func fit(_ table: Table, columns: [String]? = nil) throws -> FittedImputer {
        var chosen = try table.resolveNumericColumns(columns)
        for name in overrides.keys.sorted() where !chosen.contains(name) {
            _ = try table.column(named: name)
            chosen.append(name)
        }
        var fillValues: [String: Double] = [:]
        var dropColumns: [String] = []
        for name in chosen {
            let strategy = overrides[name] ?? strategy
            if case .drop = strategy {
                dropColumns.append(name)
                continue
            }
            let values = try numericValues(of: name, in: table, strategy: strategy)
            let fill: Double
            switch strategy {
            case .mean: fill = Statistics.mean(values)
            case .median: fill = Statistics.median(values)
            case .mode: fill = Statistics.mode(values)
            case .constant(let value): fill = value
            case .drop: continue
            }
            guard !fill.isNaN else {
                throw Diagnostic.failure(
                    "column '\(name)' has no values to compute its \(strategy.name) from",
                    hint: "use a constant fill value for this column, or drop the column")
            }
            fillValues[name] = fill
        }
        return FittedImputer(fillValues: fillValues, dropColumns: dropColumns)
    }

    private func numericValues(of name: String, in table: Table, strategy: ImputationStrategy) throws -> [Double] {
        guard case .numeric(let values) = try table.column(named: name) else {
            throw Diagnostic.failure(
                "column '\(name)' holds \(try table.column(named: name).type == .datetime ? "dates" : "text"), so it cannot be filled with a \(strategy.name)",
                hint: "use the drop strategy for text columns, or leave the column out")
        }
        return values
    }
}
