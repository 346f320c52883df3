import Basics
import Foundation

extension CSVReader {
    /// Where a column's cells are, for errors that name a row.
    struct CellPlace {
        var fileName: String
        var column: String
        /// The column's field number, counting from 1.
        var field: Int

        /// The spreadsheet row of record `record` (the header is row 1).
        func describe(record: Int) -> String {
            "'\(fileName)' row \(record + 2), column '\(column)' (field \(field))"
        }
    }

    /// The schema entries by column position; throws for a name that is not a column
    /// (unless `optional` holds it).
    static func schemaByColumn(
        _ schema: [String: ColumnSchema], header: CSVHeader, fileName: String, optional: Set<String>
    ) throws -> [Int: ColumnSchema] {
        var byColumn: [Int: ColumnSchema] = [:]
        for name in schema.keys.sorted() {
            guard let position = header.names.firstIndex(of: name) else {
                if optional.contains(name) { continue }
                let hint = Suggestion.closest(to: name, among: header.names).map { "did you mean '\($0)'?" }
                    ?? "the columns are: \(header.names.map { "'\($0)'" }.joined(separator: ", "))"
                throw Diagnostic.failure("the schema names column '\(name)', which '\(fileName)' does not have", hint: hint)
            }
            byColumn[position] = schema[name]
        }
        return byColumn
    }

    /// A column read as text, given its declared type, or else the type all its
    /// distinct values share: booleans (as 1/0), dates, or categories.
    static func typedColumn(_ text: CategoryColumn, schema: ColumnSchema?, place: CellPlace) throws -> Column {
        switch schema?.type {
        case .category:
            return .category(schema?.categories.map { text.reordered(leading: $0) } ?? text)
        case .number:
            return .numeric(try converted(text, place: place, expected: "a number", hint: "write numbers without thousands separators or units") {
                FloatParser.parse($0.trimmingCharacters(in: .whitespaces))
            })
        case .boolean:
            return .numeric(try converted(text, place: place, expected: "a boolean", hint: "write true/false, yes/no or 1/0") {
                BooleanParser.parse($0) ?? FloatParser.parse($0).flatMap { $0 == 0 || $0 == 1 ? $0 : nil }
            })
        case .datetime:
            if let format = schema?.format {
                return .datetime(try converted(text, place: place, expected: "a date in the format '\(format.pattern)'",
                                               hint: "fix the cell, or change the column's format:", format.parse))
            }
            return .datetime(try converted(text, place: place, expected: "an ISO 8601 date",
                                           hint: "write YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, or give the column a format:",
                                           DateTimeParser.parse))
        case nil:
            if let values = allConverted(text.categories, BooleanParser.parse) { return .numeric(expand(text, values)) }
            if let values = allConverted(text.categories, DateTimeParser.parse) { return .datetime(expand(text, values)) }
            return .category(text)
        }
    }

    /// Each category converted, or nil when one does not convert; nil for a column
    /// without values too, which then stays a category.
    private static func allConverted(_ categories: [String], _ convert: (String) -> Double?) -> [Double]? {
        guard !categories.isEmpty else { return nil }
        var values: [Double] = []
        values.reserveCapacity(categories.count)
        for category in categories {
            guard let value = convert(category) else { return nil }
            values.append(value)
        }
        return values
    }

    /// The cells of `text` as the values of their categories, NaN where missing.
    private static func expand(_ text: CategoryColumn, _ values: [Double]) -> [Double] {
        text.codes.map { $0 == CategoryColumn.missingCode ? .nan : values[Int($0)] }
    }

    /// The cells converted; throws naming the first row whose value does not convert.
    private static func converted(
        _ text: CategoryColumn, place: CellPlace, expected: String, hint: String, _ convert: (String) -> Double?
    ) throws -> [Double] {
        let values = text.categories.map(convert)
        guard values.contains(where: { $0 == nil }) else { return expand(text, values.map { $0 ?? .nan }) }
        let record = text.codes.firstIndex { $0 != CategoryColumn.missingCode && values[Int($0)] == nil } ?? 0
        let value = text.value(at: record) ?? ""
        throw Diagnostic.failure("\(place.describe(record: record)): '\(value)' is not \(expected)", hint: hint)
    }
}
