/// One named thing drawn on a chart: a line, points, bars or a cell grid.
package struct Series: Sendable, Equatable {
    /// What the series holds, which decides how it is drawn.
    package enum Kind: Sendable, Equatable {
        /// Points joined in the given order; `markers` also draws each point (when there are few).
        case line([ChartPoint], markers: Bool)
        /// Unjoined points.
        case scatter([ChartPoint])
        /// Vertical bars over the x axis's categories.
        case bars([Bar])
        /// Vertical bars over numeric bins: bin `i` spans `edges[i]..<edges[i + 1]` and has `counts[i]`.
        case histogram(edges: [Double], counts: [Double])
        /// Horizontal bars beside the y axis's categories, top to bottom.
        case horizontalBars([Bar])
        /// A grid of cells over categories on both axes.
        case heatmap(Matrix)
    }

    /// The legend entry and the first words of every hover text.
    package var name: String
    /// The series' colour; nil takes the next colour of `Palette.colorBlindSafe`.
    package var color: Color?
    /// The data.
    package var kind: Kind
    /// Whether a line is drawn dashed (a reference such as the diagonal of a ROC plot).
    package var dashed = false

    /// A series named `name` holding `kind`.
    package init(_ name: String, _ kind: Kind, color: Color? = nil) {
        self.name = name
        self.kind = kind
        self.color = color
    }

    /// A line through `points`, in order.
    package static func line(_ name: String, _ points: [ChartPoint], markers: Bool = false, dashed: Bool = false, color: Color? = nil) -> Series {
        var series = Series(name, .line(points, markers: markers), color: color)
        series.dashed = dashed
        return series
    }

    /// A line through (`x[i]`, `y[i]`); the longer array is cut to the shorter.
    package static func line(_ name: String, x: [Double], y: [Double], markers: Bool = false, color: Color? = nil) -> Series {
        line(name, zip(x, y).map { ChartPoint($0, $1) }, markers: markers, color: color)
    }

    /// Unjoined points.
    package static func scatter(_ name: String, _ points: [ChartPoint], color: Color? = nil) -> Series {
        Series(name, .scatter(points), color: color)
    }

    /// Vertical bars, one per label.
    package static func bars(_ name: String, _ bars: [Bar], color: Color? = nil) -> Series {
        Series(name, .bars(bars), color: color)
    }

    /// Histogram bars: `counts[i]` over `edges[i]..<edges[i + 1]` (so `edges` has one more element).
    package static func histogram(_ name: String, edges: [Double], counts: [Double], color: Color? = nil) -> Series {
        Series(name, .histogram(edges: edges, counts: counts), color: color)
    }

    /// Horizontal bars, the first label at the top (feature importance, sorted by the caller).
    package static func horizontalBars(_ name: String, _ bars: [Bar], color: Color? = nil) -> Series {
        Series(name, .horizontalBars(bars), color: color)
    }

    /// A heatmap of `matrix`.
    package static func heatmap(_ name: String, _ matrix: Matrix) -> Series {
        Series(name, .heatmap(matrix))
    }
}
