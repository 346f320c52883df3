import Basics
import Charts

/// One declared plot read and drawn: its charts (one, or one per series for grids) and
/// what a reader should know (a file missing from a run, a template's smoothing).
package struct RenderedPlot: Sendable {
    /// The plot's name (`PlotDefinition.id`).
    package var id: String
    /// The heading.
    package var title: String
    /// The template used.
    package var template: PlotTemplate
    /// The horizontal axis's label.
    package var xLabel: String
    /// The vertical axis's label.
    package var yLabel: String
    /// The stage that declares it, when a stage does.
    package var stage: String?
    /// The values drawn.
    package var series: [PlotSeriesValues]
    /// The pictures.
    package var charts: [Chart]
    /// Sentences for people, shown under the charts.
    package var notes: [String]

    /// The plot's spec and data, for `--json`.
    package var json: JSONValue {
        .object([
            ("id", .string(id)), ("title", .string(title)), ("template", .string(template.rawValue)),
            ("x_label", .string(xLabel)), ("y_label", .string(yLabel)), ("stage", stage.map(JSONValue.string) ?? .null),
            ("series", .array(series.map(Self.json))), ("notes", .array(notes.map(JSONValue.string))),
        ])
    }

    private static func json(_ series: PlotSeriesValues) -> JSONValue {
        .object([
            ("name", .string(series.name)), ("revision", .string(series.revision)), ("file", .string(series.file)),
            ("x", .string(series.xName)), ("y", .string(series.yName)),
            ("x_values", values(series.x)), ("y_values", values(series.y)),
        ])
    }

    /// Numbers as numbers (NaN as null, which JSON lacks), text as strings.
    private static func values(_ column: PlotColumn) -> JSONValue {
        switch column {
        case .numbers(let numbers): .array(numbers.map { $0.isFinite ? .double($0) : .null })
        case .texts(let texts): .array(texts.map(JSONValue.string))
        }
    }
}
