import Basics
import Tabular
import YAML

extension ParamsSection {
    /// The `schema:` mapping of the section: per column either a type name
    /// (`city: category`) or a mapping with the keys `ColumnSchema.keys` lists
    /// (`cut: {type: category, categories: [Fair, Good, Ideal]}`), with located errors.
    package func schema(_ key: String = "schema") throws -> [String: ColumnSchema] {
        guard let item = self[key] else { return [:] }
        guard case .mapping(let pairs) = item.value else {
            throw invalid(key, item, "a mapping of column: type or column: {type, categories, format}")
        }
        var schema: [String: ColumnSchema] = [:]
        for pair in pairs {
            let column = pair.key.jsonKey
            let entryKey = "\(key).\(column)"
            let types = ColumnType.allCases.map(\.rawValue)
            if case .string(let name) = pair.value.value {
                guard let type = ColumnType(rawValue: name) else { throw invalid(entryKey, pair.value, "one of \(types.joined(separator: ", "))") }
                schema[column] = ColumnSchema(type: type)
                continue
            }
            guard case .mapping = pair.value.value else {
                throw invalid(entryKey, pair.value, "a type name or a mapping with \(ColumnSchema.keys.map(\.name).joined(separator: ", "))")
            }
            let entry = ParamsSection(name: "\(name).\(entryKey)", node: pair.value)
            try entry.checkKeys(ColumnSchema.keys.map(\.name))
            let type = try entry.string("type", default: nil, choices: types).flatMap(ColumnType.init(rawValue:))
            let categories = entry["categories"] == nil ? nil : try entry.strings("categories")
            var format: DateFormat?
            if let pattern = try entry.string("format", default: nil), let formatNode = entry["format"] {
                guard let parsed = DateFormat(pattern) else {
                    throw entry.invalid("format", formatNode, "a date pattern with a year, month and day, using \(DateFormat.directives)")
                }
                format = parsed
            }
            let resolved = ColumnSchema(type: type, categories: categories, format: format)
            if categories != nil && resolved.type != .category, let node = entry["categories"] {
                throw entry.invalid("categories", node, "given only for a category column (type: category)")
            }
            if format != nil && resolved.type != .datetime, let node = entry["format"] {
                throw entry.invalid("format", node, "given only for a datetime column (type: datetime)")
            }
            schema[column] = resolved
        }
        return schema
    }
}
