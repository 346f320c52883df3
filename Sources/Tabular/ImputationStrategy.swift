/// How an imputer fills the missing cells of a column.
package enum ImputationStrategy: Sendable, Hashable, CustomStringConvertible {
    /// The mean of the column's present values.
    case mean
    /// The median of the column's present values.
    case median
    /// The most frequent present value, the smallest on ties.
    case mode
    /// A fixed value.
    case constant(Double)
    /// No fill: rows with a missing cell in the column are dropped.
    case drop

    /// The strategy a configuration names: `mean`, `median`, `mode` (or
    /// `most_frequent`, scikit-learn's name) or `drop`; `constant` needs a value.
    package init?(name: String, constant: Double? = nil) {
        switch name {
        case "mean": self = .mean
        case "median": self = .median
        case "mode", "most_frequent": self = .mode
        case "drop": self = .drop
        case "constant":
            guard let constant else { return nil }
            self = .constant(constant)
        default: return nil
        }
    }

    /// The configuration name: `mean`, `median`, `mode`, `constant` or `drop`.
    package var name: String {
        switch self {
        case .mean: "mean"
        case .median: "median"
        case .mode: "mode"
        case .constant: "constant"
        case .drop: "drop"
        }
    }

    /// The name, with the value for `constant`.
    package var description: String {
        if case .constant(let value) = self { return "constant(\(CSVWriter.format(value)))" }
        return name
    }
}
