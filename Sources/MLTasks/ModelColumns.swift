import Basics
import Foundation
import GradientBoosting
import Tabular

/// Feature columns and, when present, the target, taken from a table by name.
struct ModelColumns {
    /// The feature columns, in the requested order.
    var features: [[Double]]
    /// The target column, when the table has it.
    var target: [Double]?
    /// Each feature's type: categorical for a text column (empty when all are numeric).
    var featureTypes: [FeatureType] = []
    /// Each feature's category strings in code order (empty for a numeric feature;
    /// empty when no feature is categorical).
    var categoryNames: [[String]] = []
    /// What a person should know about the categories (pooled, identifier-like).
    var warnings: [String] = []

    /// How text columns become codes.
    enum Categories {
        /// Training: each text column's categories are chosen from the table.
        case fit
        /// Prediction: strings map through a model's categories; a model without
        /// category names takes every feature as numbers.
        case apply(names: [[String]])
    }

    /// Takes `features` (present, numeric or text) and `target` from `table`;
    /// `source` names the file in errors. A missing target is an error only when `requireTarget`.
    init(_ table: Table, features: [String], target: String?, requireTarget: Bool, source: String, categories: Categories) throws {
        let missing = features.filter { table.index(ofColumn: $0) == nil }
        guard missing.isEmpty else {
            throw TaskFailure(
                "\(source) lacks feature column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                hint: "the model was trained on: \(features.joined(separator: ", "))")
        }
        switch categories {
        case .fit:
            var types: [FeatureType] = []
            var names: [[String]] = []
            var notes: [String] = []
            self.features = try features.map { name in
                guard case .category(let column)? = table[name] else {
                    types.append(.numeric)
                    names.append([])
                    return try Self.numbers(table, name, source: source)
                }
                let fitted = CategoryEncoding.fit(column, name: name, source: source)
                types.append(.categorical)
                names.append(fitted.categories)
                notes += fitted.warnings
                return CategoryEncoding.codes(column, categories: fitted.categories)
            }
            warnings = notes
            if types.contains(.categorical) { (featureTypes, categoryNames) = (types, names) }
        case .apply(let names) where names.count == features.count:
            categoryNames = names
            self.features = try zip(features, names).map { name, categories in
                if categories.isEmpty { return try Self.numbers(table, name, source: source) }
                switch table[name] {
                case .category(let column)?: return CategoryEncoding.codes(column, categories: categories)
                case .numeric(let numbers)?: return CategoryEncoding.codes(numbers, categories: categories)
                default: return try Self.numbers(table, name, source: source)
                }
            }
        case .apply:
            self.features = try features.map { try Self.numbers(table, $0, source: source) }
        }
        if let target, table.index(ofColumn: target) != nil {
            self.target = try Self.numbers(table, target, source: source)
        } else if requireTarget {
            throw TaskFailure("\(source) has no target column '\(target ?? "")'",
                                   hint: target.flatMap { Suggestion.closest(to: $0, among: table.columnNames) }.map { "did you mean '\($0)'?" }
                                       ?? "name the target with --target")
        }
    }

    /// Reads the CSV at `path`, the `categories` columns (those present) as text, so
    /// that a code like `01` keeps its spelling; a file that does not exist is a task failure.
    static func readCSV(_ path: String, categories: [String] = []) throws -> Table {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TaskFailure("input '\(path)' does not exist", hint: "run the step that writes it first, or check the path")
        }
        var options = CSVReadOptions(schema: Dictionary(categories.map { ($0, ColumnSchema(type: .category)) }, uniquingKeysWith: { a, _ in a }))
        options.optionalSchemaColumns = Set(categories)
        return try CSVReader.read(path: path, displayName: path, options: options)
    }

    /// The feature names of a training table: every column but the target, in file order.
    static func featureNames(of table: Table, target: String) -> [String] {
        table.columnNames.filter { $0 != target }
    }

    private static func numbers(_ table: Table, _ name: String, source: String) throws -> [Double] {
        if case .datetime? = table[name] {
            // Date parts (year, month, weekday) are what trees use well; seconds since 1970 would only order rows.
            throw TaskFailure("\(source): column '\(name)' holds dates, which a model cannot take as they are",
                              hint: "drop it, or expand it into date parts with 'sluice ml prepare' (or declare it type: number in the schema)")
        }
        do {
            return try table.numericColumn(named: name)
        } catch let diagnostic as Diagnostic {
            throw TaskFailure("\(source): \(diagnostic.message)", hint: diagnostic.hint)
        }
    }
}
