// Plots: DVC's `plots:` made into pictures. Reads the plots a pipeline declares
// (`Pipeline.plots`), loads their data files (CSV, TSV, JSON, YAML) from the workspace
// or from recorded runs, resolves x and y with DVC's defaults, applies the template,
// and hands Charts the values to draw into one self-contained HTML page.
//
// What this module must not know: where a run's files are kept (the caller gives each
// revision a way to find a file), how stages run, machine learning, or the command
// line. It never prints: problems are `Diagnostic`s, notes are strings in the result.
import Basics
import Charts
import Pipeline

/// Every selected plot of a pipeline, drawn from one or more revisions.
package struct PlotsReport: Sendable {
    /// The revisions compared, in legend order.
    package var revisions: [String]
    /// The plots, in declaration order.
    package var plots: [RenderedPlot]

    /// Draws the plots of `definitions` that `targets` select (all when empty) from `revisions`.
    package init(definitions: [PlotDefinition], targets: [String] = [], revisions: [PlotRevision]) throws {
        let selected = try Self.select(definitions, targets: targets)
        let builder = PlotBuilder(revisions: revisions)
        self.revisions = revisions.map(\.name)
        plots = try selected.map(builder.render)
    }

    /// The definitions a target names: a plot's id, one of its files, or its stage (address or name).
    static func select(_ definitions: [PlotDefinition], targets: [String]) throws(Diagnostic) -> [PlotDefinition] {
        guard !targets.isEmpty else { return definitions }
        var selected: [PlotDefinition] = []
        for target in targets {
            let trimmed = target.hasPrefix("./") ? String(target.dropFirst(2)) : target
            let matching = definitions.filter { definition in
                definition.id == trimmed || definition.stage == trimmed
                    || definition.stage.map { $0.split(separator: ":").last.map(String.init) == trimmed } == true
                    || definition.sources.contains { $0.path == trimmed || $0.declaredPath == trimmed }
            }
            guard !matching.isEmpty else {
                let names = definitions.map(\.id)
                throw .error("no plot is named '\(target)'",
                             hint: names.isEmpty ? "the pipeline declares no plots" : "plots: " + names.joined(separator: ", ") + " (or a stage's name)")
            }
            for definition in matching where !selected.contains(definition) { selected.append(definition) }
        }
        return selected
    }

    /// The page: one figure per plot, its notes under it; a page that says so when there is nothing to draw.
    package func page(title: String) -> HTMLPage {
        var page = HTMLPage(title: title)
        if revisions.count > 1 { page.paragraph("Runs compared: " + revisions.joined(separator: ", ") + " (one colour each).") }
        guard !plots.isEmpty else {
            page.paragraph("This pipeline declares no plots.", emphasis: .highlight)
            page.paragraph("Declare data files under a stage's 'plots:' (with x, y and template) or in a top-level 'plots:' list, then run sluice repro.")
            return page
        }
        for plot in plots {
            if plot.charts.count == 1 {
                page.chart(plot.charts[0], width: 720, height: 420)
            } else {
                page.charts(plot.charts, width: 420, height: 380)
            }
        }
        return page
    }

    /// `{"revisions": […], "plots": [{id, title, template, x_label, y_label, series: [{name, x_values, y_values}], notes}]}`.
    package var json: JSONValue {
        .object([("revisions", .array(revisions.map(JSONValue.string))), ("plots", .array(plots.map(\.json)))])
    }

    /// How many pictures the page holds.
    package var chartCount: Int { plots.reduce(0) { $0 + $1.charts.count } }
}
