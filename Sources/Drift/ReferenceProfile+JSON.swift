import Basics

/// The reference profile file: one JSON document, written compactly (its size bound
/// counts compact bytes). Keys are stable; readers may rely on them:
///
/// ```
/// {"format": "sluice-reference-profile", "version": 1,
///  "columns": {
///    NAME: {"type": "numeric", "count": non-missing rows, "missing": NaN rows,
///           "mean", "std" (ddof 0), "min", "max",          (absent when count is 0)
///           "decile_edges": [9 numbers], "decile_counts": [10 integers],
///           "knots": [ascending values], "equal": [rows equal to each knot],
///           "between": [rows strictly between the previous knot and this one]},
///    NAME: {"type": "categorical", "count": categorised rows, "missing": rows,
///           "categories": {CATEGORY: rows, …} (most frequent first), "other": rows folded}}}
/// ```
/// A numeric column is stored exactly when every "between" is 0.
extension ReferenceProfile {
    /// The format name written to every profile file.
    package static let format = "sluice-reference-profile"

    /// The profile as JSON.
    package var json: JSONValue {
        .object([
            ("format", .string(Self.format)), ("version", .int(1)),
            ("columns", .object(columns.map { (key: $0.name, value: Self.json(column: $0.column)) })),
        ])
    }

    /// The compact text of the file (no trailing newline).
    package var jsonText: String { JSONWriter(indent: nil, sortKeys: false).string(json) }

    /// One column as JSON (the value under its name in "columns").
    package static func json(column: Column) -> JSONValue {
        switch column {
        case .numeric(let profile):
            var members: [(key: String, value: JSONValue)] = [
                ("type", .string("numeric")), ("count", .int(profile.count)), ("missing", .int(profile.missingCount)),
            ]
            if profile.count > 0 {
                members += [
                    ("mean", .double(profile.mean)), ("std", .double(profile.standardDeviation)),
                    ("min", .double(profile.minimum)), ("max", .double(profile.maximum)),
                ]
            }
            if let bins = profile.bins {
                members += [
                    ("decile_edges", .array(bins.edges.map(JSONValue.double))),
                    ("decile_counts", .array(bins.referenceCounts.map(JSONValue.int))),
                ]
            }
            members += [
                ("knots", .array(profile.sketch.knots.map(JSONValue.double))),
                ("equal", .array(profile.sketch.equalCounts.map(JSONValue.int))),
                ("between", .array(profile.sketch.betweenCounts.map(JSONValue.int))),
            ]
            return .object(members)
        case .categorical(let profile):
            let total = profile.categories.reduce(profile.otherCount) { $0 + $1.count }
            return .object([
                ("type", .string("categorical")), ("count", .int(total)), ("missing", .int(profile.missingCount)),
                ("categories", .object(profile.categories.map { (key: $0.name, value: .int($0.count)) })),
                ("other", .int(profile.otherCount)),
            ])
        }
    }

    /// Reads the JSON form; `file` names the source in errors.
    package init(json: JSONValue, file: String) throws(Diagnostic) {
        guard case .string(Self.format)? = json["format"] else {
            throw ProfileReader.invalid(file, "missing \"format\": \"\(Self.format)\"")
        }
        guard case .int(1)? = json["version"] else { throw ProfileReader.invalid(file, "only version 1 is known") }
        guard case .object(let members)? = json["columns"] else { throw ProfileReader.invalid(file, "missing the \"columns\" object") }
        self.init()
        for member in members {
            let reader = ProfileReader(file: file, column: member.key, value: member.value)
            switch member.value["type"] {
            case .string("numeric")?: set(member.key, .numeric(try reader.numeric()))
            case .string("categorical")?: set(member.key, .categorical(try reader.categorical()))
            default: throw reader.invalid("\"type\" must be \"numeric\" or \"categorical\"")
            }
        }
    }

    /// Reads a profile file.
    package static func load(path: String, displayName: String? = nil) throws(Diagnostic) -> ReferenceProfile {
        let value = try JSONReader.load(path: path, displayName: displayName)
        return try ReferenceProfile(json: value, file: displayName ?? path)
    }
}
