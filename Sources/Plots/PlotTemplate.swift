/// DVC's plot templates that sluice draws: how columns become a picture.
package enum PlotTemplate: String, Sendable, CaseIterable {
    /// A line through the points, in x order as the file gives them, with markers when few (DVC's default).
    case linear
    /// A plain line.
    case simple
    /// Unjoined points.
    case scatter
    /// The line after a centred moving average, beside the raw points.
    case smooth
    /// Counts of (x, y) pairs as a grid: x the actual class, y the predicted one.
    case confusion
    /// The confusion grid with each actual class (x) summing to 1.
    case confusionNormalized = "confusion_normalized"
    /// Horizontal bars: the y column names the bars, the x column gives their length.
    case barHorizontal = "bar_horizontal"
    /// Horizontal bars sorted by length, longest at the top.
    case barHorizontalSorted = "bar_horizontal_sorted"

    /// The names a `template:` may give, for messages.
    package static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Whether the template draws x and y as numbers (the others take categories).
    var isNumeric: Bool {
        switch self {
        case .linear, .simple, .scatter, .smooth: true
        case .confusion, .confusionNormalized, .barHorizontal, .barHorizontalSorted: false
        }
    }
}
