import Basics
import YAML

/// DVC's plot properties, on a stage's `plots:` outputs and in the top-level `plots:` list.
extension PipelineLoader {
    /// The properties a plot may set, besides an output's own options.
    static let plotPropertyKeys = ["x", "y", "template", "title", "x_label", "y_label"]

    /// The plot of a stage's `plots:` output at `path`, with the properties in `options`.
    mutating func stagePlot(declared: String, path: String, options: YAMLNode?, stage: StageSpec, at location: SourceLocation) -> PlotDefinition {
        var source = PlotDefinition.Source(declaredPath: declared, path: path)
        var plot = PlotDefinition(id: path, stage: stage.address, sources: [], location: location)
        if let options {
            if let x = options["x"] { source.x = report { () throws(Diagnostic) in try x.string("'x' of '\(declared)'") } }
            if let y = options["y"] { source.y = columns(y, what: "'y' of '\(declared)'") }
            readPlotText(options, into: &plot, what: "'\(declared)'")
        }
        plot.sources = [source]
        return plot
    }

    /// The entries of the top-level `plots:` list: a data file, or `name: {properties}`
    /// where `y` may map files to their columns (then `name` is only the plot's name).
    mutating func topLevelPlots(_ node: YAMLNode) -> [PlotDefinition] {
        var entries: [(key: YAMLNode, value: YAMLNode?)] = []
        switch node.value {
        case .mapping(let pairs):
            entries = pairs.map { ($0.key, $0.value) }
        default:
            for item in report({ () throws(Diagnostic) in try node.list("'plots'") }) ?? [] {
                if case .mapping(let pairs) = item.value, pairs.count == 1 {
                    entries.append((pairs[0].key, pairs[0].value))
                } else if item.isScalar, item.value != .null {
                    entries.append((item, nil))
                } else {
                    diagnostics.append(.error("each entry of 'plots' must be a file or 'name: {x: …, y: …}'", at: item.location,
                                              hint: "write '- metrics/history.csv' or '- Loss: {x: step, y: {metrics/history.csv: [train, valid]}}'"))
                }
            }
        }
        return entries.compactMap { topLevelPlot(key: $0.key, properties: $0.value) }
    }

    private mutating func topLevelPlot(key: YAMLNode, properties: YAMLNode?) -> PlotDefinition? {
        let id = key.scalarText
        var plot = PlotDefinition(id: id, sources: [], location: key.location)
        let what = "plot '\(id)'"
        var xByFile: [String: String] = [:]
        var sharedX: String?
        if let properties, properties.value != .null {
            guard let pairs = report({ () throws(Diagnostic) in try properties.pairs(what) }) else { return nil }
            diagnostics += unknownKeyDiagnostics(pairs, allowed: Self.plotPropertyKeys, in: what)
            readPlotText(properties, into: &plot, what: what)
            if let x = properties["x"] {
                if case .mapping(let files) = x.value {
                    for file in files { xByFile[file.key.scalarText] = report { () throws(Diagnostic) in try file.value.string("'x' of \(what)") } }
                } else {
                    sharedX = report { () throws(Diagnostic) in try x.string("'x' of \(what)") }
                }
            }
            if let y = properties["y"], case .mapping(let files) = y.value {
                for file in files {
                    let declared = file.key.scalarText
                    guard let path = plotPath(declared, at: file.key.location) else { continue }
                    plot.sources.append(PlotDefinition.Source(
                        declaredPath: declared, path: path, x: xByFile[declared] ?? sharedX,
                        y: columns(file.value, what: "'y' of \(what) for \(declared)")))
                }
                return plot
            } else if let y = properties["y"] {
                let columns = columns(y, what: "'y' of \(what)")
                guard let path = plotPath(id, at: key.location) else { return nil }
                plot.sources = [PlotDefinition.Source(declaredPath: id, path: path, x: xByFile[id] ?? sharedX, y: columns)]
                return plot
            }
        }
        guard let path = plotPath(id, at: key.location) else { return nil }
        plot.id = path
        plot.sources = [PlotDefinition.Source(declaredPath: id, path: path, x: xByFile[id] ?? sharedX)]
        return plot
    }

    /// `template`, `title`, `x_label` and `y_label`, each a string.
    private mutating func readPlotText(_ node: YAMLNode, into plot: inout PlotDefinition, what: String) {
        func text(_ key: String) -> String? {
            guard let value = node[key] else { return nil }
            return report { () throws(Diagnostic) in try value.string("'\(key)' of \(what)") }
        }
        plot.template = text("template")
        plot.title = text("title")
        plot.xLabel = text("x_label")
        plot.yLabel = text("y_label")
    }

    /// A column or a list of columns.
    private mutating func columns(_ node: YAMLNode, what: String) -> [String] {
        (report({ () throws(Diagnostic) in try node.list(what) }) ?? []).compactMap { item in
            report { () throws(Diagnostic) in try item.string("each column of \(what)") }
        }
    }

    /// A top-level plot's file, relative to the root (paths are relative to the pipeline file's folder).
    private mutating func plotPath(_ declared: String, at location: SourceLocation) -> String? {
        guard let path = ProjectPath.normalize(declared, workingDirectory: directory, root: root) else {
            diagnostics.append(.error("plot file '\(declared)' is outside the project", at: location,
                                      hint: "name a data file inside the project"))
            return nil
        }
        return path
    }
}
