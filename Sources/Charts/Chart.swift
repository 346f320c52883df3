// Charts: pictures as data, drawn as inline SVG, and self-contained HTML pages.
//
// A chart is a value (title, two axes, named series); `Chart.svg(width:height:)`
// draws it and `HTMLPage` puts charts, tables and text into one HTML document that
// needs no network: no scripts, no fonts, no URL of any kind.
//
// What this module must not know: machine learning, drift, runs, pipelines, files or
// the command line. The module that knows what a picture means builds the `Chart`
// (which series, which labels, which scale); Charts only decides how it looks. It
// never prints and never traps on data: NaN, infinities, empty series and values a
// log scale cannot show are skipped and said so in a note under the chart.

/// A chart described as data: title, axes, series and notes; drawn by `svg(width:height:)`.
package struct Chart: Sendable, Equatable {
    /// How several bar series over the same categories share the space of one category.
    package enum BarLayout: Sendable, Equatable {
        /// Side by side within each category (the default for bars).
        case grouped
        /// On top of each other, translucent, so two distributions can be compared.
        case overlaid
    }

    /// The heading drawn above the plot (may be empty).
    package var title: String
    /// The horizontal axis.
    package var x: Axis
    /// The vertical axis.
    package var y: Axis
    /// What is drawn, in legend order (a legend appears for two or more); the first
    /// series decides the kind of chart, and series of another kind are left out with a note.
    package var series: [Series]
    /// How vertical and horizontal bar series share a category (histograms always overlay).
    package var barLayout: BarLayout
    /// Lines of text shown under the plot, before the notes the renderer adds itself.
    package var notes: [String]

    /// A chart of `series` with `title` over axes `x` and `y`.
    package init(
        title: String = "", x: Axis = Axis(), y: Axis = Axis(), series: [Series] = [],
        barLayout: BarLayout = .grouped, notes: [String] = []
    ) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.barLayout = barLayout
        self.notes = notes
    }

    /// The chart as SVG text: an `<svg>` element to put inline in HTML, or with
    /// `standalone` an XML document with the SVG namespace declared, for a `.svg` file.
    /// The same chart and size always give the same bytes.
    package func svg(width: Int = 640, height: Int = 400, standalone: Bool = false) -> String {
        SVGRenderer(width: width, height: height).render(self, standalone: standalone)
    }
}
