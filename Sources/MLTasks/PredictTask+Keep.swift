import Basics
import Tabular

extension PredictTask {
    /// The `keep` columns of `table` (read from `path`) as the input spelt them where
    /// the reader turned text into values: dates and true/false/yes/no columns were
    /// text before column types existed and were copied to the output as written, so
    /// they still are. Numbers are written as before (`1.50` as `1.5`).
    package static func keptColumns(_ keep: [String], of table: Table, path: String) throws -> Table {
        let kept = try table.selecting(keep)
        let converted = keep.filter { name in
            switch kept[name] {
            case .datetime?: true
            case .numeric(let values)?: values.allSatisfy { $0 == 0 || $0 == 1 || $0.isNaN }
            default: false
            }
        }
        guard !converted.isEmpty else { return kept }
        let schema = Dictionary(uniqueKeysWithValues: converted.map { ($0, ColumnSchema(type: .category)) })
        let text = try CSVReader.read(path: path, displayName: path, options: CSVReadOptions(schema: schema))
        var result = kept
        for name in converted {
            // A numeric 0/1 column keeps its numbers unless its cells were boolean words.
            guard case .category(let cells)? = text[name] else { continue }
            if kept[name]?.isNumeric == true, !cells.categories.contains(where: { BooleanParser.parse($0) != nil }) { continue }
            try result.replace(name, with: .category(cells))
        }
        return result
    }
}
