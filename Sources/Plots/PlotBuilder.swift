import Basics
import Charts
import Foundation
import Pipeline

/// Reads the data of declared plots from one or more revisions and draws them with
/// DVC's defaults: x is the row index (`step`) when not given, y the last column.
package struct PlotBuilder: Sendable {
    /// The revisions drawn, in legend order (one colour each when there are several).
    package var revisions: [PlotRevision]

    /// A builder drawing from `revisions`.
    package init(revisions: [PlotRevision]) {
        self.revisions = revisions
    }

    /// `definition` read from every revision and drawn. Throws a located error for an
    /// unknown template, a data file of another kind, or a column the file does not have.
    package func render(_ definition: PlotDefinition) throws -> RenderedPlot {
        let template = try Self.template(of: definition)
        var series: [PlotSeriesValues] = []
        var notes: [String] = []
        for (revisionIndex, revision) in revisions.enumerated() {
            var indexInRevision = 0
            for source in definition.sources {
                if Self.isImage(source.path) {
                    notes.append("\(source.path) is an image: sluice draws data files (CSV, TSV, JSON, YAML) only.")
                    continue
                }
                guard let file = revision.locate(source.path) else {
                    notes.append(revisions.count > 1 ? "\(source.path) is not in \(revision.name)." : "\(source.path) does not exist yet: run sluice repro.")
                    continue
                }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
                    notes.append("\(source.path) is a directory: declare each of its data files as a plot.")
                    continue
                }
                let data = try PlotDataReader.read(path: file, displayName: source.path, at: definition.location)
                for (xName, yName, x, y) in try Self.columns(of: data, source: source, definition: definition, template: template) {
                    var parts: [String] = []
                    if revisions.count > 1 { parts.append(revision.name) }
                    if definition.sources.count > 1 { parts.append(source.path) }
                    if source.y.count > 1 || parts.isEmpty { parts.append(yName) }
                    series.append(PlotSeriesValues(
                        name: parts.joined(separator: ": "), revision: revision.name, file: source.path, xName: xName, yName: yName,
                        x: x, y: y, revisionIndex: revisionIndex, indexInRevision: indexInRevision))
                    indexInRevision += 1
                }
            }
        }
        let xNames = Self.distinct(series.map(\.xName)), yNames = Self.distinct(series.map(\.yName))
        var plot = RenderedPlot(
            id: definition.id, title: definition.title ?? definition.id, template: template,
            xLabel: definition.xLabel ?? (xNames.count == 1 ? xNames[0] : xNames.isEmpty ? "step" : "x"),
            yLabel: definition.yLabel ?? (yNames.count == 1 ? yNames[0] : "value"),
            stage: definition.stage, series: series, charts: [], notes: notes)
        plot.charts = PlotCharts(plot: plot, colorByRevision: revisions.count > 1).charts()
        return plot
    }

    /// The template a definition names (default `linear`), or a located error.
    static func template(of definition: PlotDefinition) throws(Diagnostic) -> PlotTemplate {
        guard let name = definition.template else { return .linear }
        guard let template = PlotTemplate(rawValue: name) else {
            let hint = Suggestion.closest(to: name, among: PlotTemplate.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
            throw .error("plot '\(definition.id)' has an unknown template '\(name)'", at: definition.location,
                         hint: hint + "templates: " + PlotTemplate.names)
        }
        return template
    }

    /// The (x name, y name, x, y) columns a source draws from `data`.
    static func columns(
        of data: PlotData, source: PlotDefinition.Source, definition: PlotDefinition, template: PlotTemplate
    ) throws(Diagnostic) -> [(String, String, PlotColumn, PlotColumn)] {
        func column(_ name: String, _ role: String) throws(Diagnostic) -> PlotColumn {
            guard let column = data[name] else {
                let known = data.columnNames.isEmpty ? "it has no columns" : "its columns: " + data.columnNames.joined(separator: ", ")
                throw .error("plot '\(definition.id)': \(role) column '\(name)' is not in \(data.file)", at: definition.location,
                             hint: (Suggestion.closest(to: name, among: data.columnNames).map { "did you mean '\($0)'? " } ?? "") + known)
            }
            return column
        }
        let x: PlotColumn, xName: String
        if let name = source.x {
            (x, xName) = (try column(name, "x"), name)
        } else {
            (x, xName) = (.numbers((0..<data.rowCount).map(Double.init)), "step")
        }
        let yNames = source.y.isEmpty ? Array(data.columnNames.suffix(1)) : source.y
        guard !yNames.isEmpty else { return [] }
        return try yNames.map { (name: String) throws(Diagnostic) in (xName, name, x, try column(name, "y")) }
    }

    /// Whether `path` names a picture (DVC shows image plots as they are; a page that
    /// loads nothing cannot), which is noted rather than refused.
    static func isImage(_ path: String) -> Bool {
        ["png", "jpg", "jpeg", "gif", "svg", "webp"].contains { path.lowercased().hasSuffix("." + $0) }
    }

    private static func distinct(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
