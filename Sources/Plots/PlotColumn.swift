import Basics
import Charts
import Foundation

/// One column of plot data: numbers (NaN where missing) or text.
package enum PlotColumn: Sendable, Equatable {
    /// Numbers, NaN where a value is missing.
    case numbers([Double])
    /// Text, `""` where a value is missing.
    case texts([String])

    /// The number of values.
    package var count: Int {
        switch self {
        case .numbers(let values): values.count
        case .texts(let values): values.count
        }
    }

    /// The values as numbers: text that reads as a number is one, other text is NaN.
    package var numbers: [Double] {
        switch self {
        case .numbers(let values): values
        case .texts(let values): values.map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .nan }
        }
    }

    /// The values as labels: whole numbers without a decimal point (`1`, not `1.0`).
    package var texts: [String] {
        switch self {
        case .texts(let values): values
        case .numbers(let values): values.map(Self.label)
        }
    }

    /// A number as a category label.
    static func label(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : NumberFormat.human(value) }
        if abs(value) < 1e15, let whole = Int64(exactly: value) { return String(whole) }
        return NumberFormat.human(value)
    }
}
