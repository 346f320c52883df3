import Basics
import Foundation
import Tabular
import YAML

/// Reads plot data files: CSV and TSV with a header row, JSON and YAML as a list of
/// objects (one per row) or DVC's `{"key": [objects…]}`.
package enum PlotDataReader {
    /// The data of the file at `path` (absolute); `displayName` names it in errors and
    /// `location` is the plot's declaration, where an unsupported file is reported.
    package static func read(path: String, displayName: String, at location: SourceLocation? = nil) throws -> PlotData {
        guard let format = PlotDataFormat(path: displayName) ?? PlotDataFormat(path: path) else {
            throw Diagnostic.error(
                "plot data file \(displayName) is not CSV, TSV, JSON or YAML", at: location,
                hint: "plots draw .csv, .tsv, .json, .yaml and .yml files; declare images and other files under 'outs'")
        }
        switch format {
        case .csv, .tsv:
            let options = CSVReadOptions(delimiter: format == .tsv ? "\t" : ",")
            let table = try CSVReader.read(path: path, displayName: displayName, options: options)
            return PlotData(file: displayName, columnNames: table.columnNames, columns: table.columns.map(Self.column))
        case .json:
            return try records(JSONReader.load(path: path, displayName: displayName), file: displayName)
        case .yaml:
            return try records(YAML.load(path: path, displayName: displayName).json, file: displayName)
        }
    }

    /// A Tabular column as plot data: dates become seconds since 1970.
    static func column(_ column: Column) -> PlotColumn {
        switch column {
        case .numeric(let values), .datetime(let values): .numbers(values)
        case .category: .texts(column.stringValues ?? [])
        }
    }

    /// Rows of a JSON-shaped document: a list of objects, or an object holding one
    /// (DVC's `{"train": [{"step": 0, "loss": 1.2}, …]}`: the first member that is a list).
    package static func records(_ document: JSONValue, file: String) throws(Diagnostic) -> PlotData {
        var rows: [JSONValue]?
        switch document {
        case .array(let items): rows = items
        case .object(let members):
            rows = members.lazy.compactMap { if case .array(let items) = $0.value { items } else { nil } }.first
        default: break
        }
        guard let rows else {
            throw .failure("\(file) holds no list of rows", hint: "write a list of objects, [{\"step\": 0, \"loss\": 1.2}, …], or {\"name\": [ … ]}")
        }
        var names: [String] = []
        var index: [String: Int] = [:]
        var cells: [[JSONValue]] = []
        for (row, item) in rows.enumerated() {
            guard case .object(let members) = item else {
                throw .failure("\(file): row \(row + 1) is not an object", hint: "each row must be an object of column: value")
            }
            for (key, value) in members {
                let position: Int
                if let known = index[key] {
                    position = known
                } else {
                    position = names.count
                    index[key] = position
                    names.append(key)
                    cells.append([JSONValue](repeating: .null, count: row))
                }
                cells[position].append(value)
            }
            for position in cells.indices where cells[position].count == row { cells[position].append(.null) }
        }
        return PlotData(file: file, columnNames: names, columns: cells.map(Self.column))
    }

    /// Numbers when every present value is a number or boolean, text otherwise.
    static func column(_ values: [JSONValue]) -> PlotColumn {
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .int(let number): numbers.append(Double(number))
            case .double(let number): numbers.append(number)
            case .bool(let flag): numbers.append(flag ? 1 : 0)
            case .null: numbers.append(.nan)
            default: return .texts(values.map(Self.text))
            }
        }
        return .numbers(numbers)
    }

    /// A JSON value as a label.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): PlotColumn.label(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        default: JSONWriter.canonical.string(value)
        }
    }
}
