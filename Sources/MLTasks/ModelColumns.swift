import Basics
import Foundation
import Tabular

/// Feature columns and, when present, the target, taken from a table by name.
struct ModelColumns {
    /// The feature columns, in the requested order.
    var features: [[Double]]
    /// The target column, when the table has it.
    var target: [Double]?

    /// Takes `features` (all must be present and numeric) and `target` from `table`;
    /// `source` names the file in errors. A missing target is an error only when `requireTarget`.
    init(_ table: Table, features: [String], target: String?, requireTarget: Bool, source: String) throws {
        let missing = features.filter { table.index(ofColumn: $0) == nil }
        guard missing.isEmpty else {
            throw TaskFailure(
                "\(source) lacks feature column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                hint: "the model was trained on: \(features.joined(separator: ", "))")
        }
        self.features = try features.map { try Self.numbers(table, $0, source: source) }
        if let target, table.index(ofColumn: target) != nil {
            self.target = try Self.numbers(table, target, source: source)
        } else if requireTarget {
            throw TaskFailure("\(source) has no target column '\(target ?? "")'",
                                   hint: target.flatMap { Suggestion.closest(to: $0, among: table.columnNames) }.map { "did you mean '\($0)'?" }
                                       ?? "name the target with --target")
        }
    }

    /// Reads the CSV at `path`; a file that does not exist is a task failure.
    static func readCSV(_ path: String) throws -> Table {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TaskFailure("input '\(path)' does not exist", hint: "run the step that writes it first, or check the path")
        }
        return try CSVReader.read(path: path, displayName: path)
    }

    /// The feature names of a training table: every column but the target, in file order.
    static func featureNames(of table: Table, target: String) -> [String] {
        table.columnNames.filter { $0 != target }
    }

    private static func numbers(_ table: Table, _ name: String, source: String) throws -> [Double] {
        do {
            return try table.numericColumn(named: name)
        } catch let diagnostic as Diagnostic {
            throw TaskFailure("\(source): \(diagnostic.message)", hint: diagnostic.hint)
        }
    }
}
