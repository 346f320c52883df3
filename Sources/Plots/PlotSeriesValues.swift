/// The x and y values of one series of a plot, as read from one data file of one revision.
package struct PlotSeriesValues: Sendable, Equatable {
    /// The legend entry.
    package var name: String
    /// The revision it comes from.
    package var revision: String
    /// The data file (root-relative).
    package var file: String
    /// The x column's name (`step` for the row index).
    package var xName: String
    /// The y column's name.
    package var yName: String
    /// The x values.
    package var x: PlotColumn
    /// The y values.
    package var y: PlotColumn
    /// The position of its revision among those compared, for its colour.
    package var revisionIndex: Int
    /// Its position among the series of the same revision, for its dash.
    package var indexInRevision: Int
}
