/// The kinds of data file a plot can draw, told by the file's extension as DVC does.
package enum PlotDataFormat: String, Sendable, CaseIterable {
    /// Comma-separated values with a header row.
    case csv
    /// Tab-separated values with a header row.
    case tsv
    /// A JSON list of objects, or an object holding one.
    case json
    /// A YAML list of mappings, or a mapping holding one.
    case yaml

    /// The format of `path`, or nil when its extension is none of `.csv`, `.tsv`, `.json`, `.yaml`, `.yml`.
    package init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }
}
