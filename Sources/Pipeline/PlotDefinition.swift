import Basics

/// One plot pipeline.yaml declares, in DVC's plot schema: a stage's `plots:` output with
/// its properties (`x`, `y`, `template`, `title`, `x_label`, `y_label`), or an entry of
/// the top-level `plots:` list, which may draw columns of several files in one plot
/// (`y: {file.csv: [a, b], other.json: c}`).
///
/// Only what was declared is kept: defaults (x = the row index, y = the last column,
/// template `linear`) are applied by whoever reads the data, which alone knows the columns.
package struct PlotDefinition: Hashable, Sendable {
    /// One data file of a plot and the columns it contributes.
    package struct Source: Hashable, Sendable {
        /// As written in pipeline.yaml, relative to the declaring file's folder (or the stage's wdir).
        package var declaredPath: String
        /// Relative to the project root: what the data is read from and the lock file records.
        package var path: String
        /// The x column of this file; nil for the plot's `x` (or the row index).
        package var x: String?
        /// The y columns of this file; empty for the plot's default (the last column).
        package var y: [String]

        /// A data file of a plot.
        package init(declaredPath: String, path: String, x: String? = nil, y: [String] = []) {
            self.declaredPath = declaredPath
            self.path = path
            self.x = x
            self.y = y
        }
    }

    /// The plot's name: the top-level entry's name, or the data file's path (root-relative).
    package var id: String
    /// The address of the stage that declares it as an output; nil for a top-level plot.
    package var stage: String?
    /// The data files, in the order declared.
    package var sources: [Source]
    /// The template: linear, simple, scatter, smooth, confusion, confusion_normalized, bar_horizontal, …
    package var template: String?
    /// The chart's heading.
    package var title: String?
    /// The horizontal axis's label.
    package var xLabel: String?
    /// The vertical axis's label.
    package var yLabel: String?
    /// Where it is declared.
    package var location: SourceLocation

    /// A plot named `id` drawing `sources`.
    package init(
        id: String, stage: String? = nil, sources: [Source], template: String? = nil, title: String? = nil,
        xLabel: String? = nil, yLabel: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.stage = stage
        self.sources = sources
        self.template = template
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.location = location
    }
}
