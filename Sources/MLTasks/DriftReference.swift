import Basics
import Drift
import Foundation
import Tabular

/// What `ml drift` compares against: reference rows from a CSV (exact statistics), or
/// a reference profile — a file, or the `reference_profile.json` of a model bundle.
struct DriftReference {
    /// One reference column.
    enum Column {
        /// Numbers.
        case numeric(NumericReference)
        /// Categories (`boolean` for 0/1 columns), as counts or a profile's counts.
        case categorical(CategoricalSample, boolean: Bool, profile: CategoricalProfile?)

        /// `numeric`, `categorical` or `boolean`.
        var kind: String {
            switch self {
            case .numeric: "numeric"
            case .categorical(_, let boolean, _): boolean ? "boolean" : "categorical"
            }
        }
    }

    /// The file name of a profile beside a preprocessor and inside a bundle.
    static let profileFileName = "reference_profile.json"
    /// The column of a bundle's profile that holds the model's predictions on its test data.
    static let predictionColumn = "__prediction__"

    /// The reference rows, when a CSV was given (predictions need them).
    var table: Table?
    /// The columns, in order (dates as their parts).
    var columns: [(name: String, column: Column)]
    /// Rows in the reference.
    var rowCount: Int
    /// The model's predictions on reference data, when a bundle's profile holds them.
    var predictions: NumericReference?

    /// The column `name`, when the reference has it.
    subscript(name: String) -> Column? { columns.first { $0.name == name }?.column }

    /// The columns the current data must be read as text to compare (categories that are not booleans).
    var textColumns: [String] {
        columns.compactMap { entry in
            if case .categorical(_, false, _) = entry.column { return entry.name }
            return nil
        }
    }

    /// Loads `path`: a directory is a bundle, a `.json` file a profile, anything else a CSV
    /// (whose rows are kept only when `keepingRows`, for predictions: they are large).
    static func load(_ path: String, keepingRows: Bool) throws -> DriftReference {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TaskFailure("the reference '\(path)' does not exist", hint: "give a CSV, a reference profile or a model bundle")
        }
        if isDirectory.boolValue {
            let profile = (path as NSString).appendingPathComponent(profileFileName)
            guard FileManager.default.fileExists(atPath: profile) else {
                throw TaskFailure("the bundle '\(path)' has no \(profileFileName)",
                                  hint: "export a model whose preprocessor has a profile beside it ('sluice ml prepare --profile')")
            }
            return DriftReference(profile: try ReferenceProfile.load(path: profile))
        }
        if path.hasSuffix(".json") { return DriftReference(profile: try ReferenceProfile.load(path: path)) }
        let table = try ModelColumns.readCSV(path)
        return keepingRows ? DriftReference(table: table) : DriftReference(columnsOf: consume table)
    }

    /// The reference rows of `table`, kept.
    init(table: Table) {
        self.init(columnsOf: table)
        self.table = table
    }

    /// The columns of `table`, which is let go column by column.
    init(columnsOf table: consuming Table) {
        self.table = nil
        rowCount = table.rowCount
        columns = DriftColumn.columns(taking: table.takeColumns()).map { entry in
            switch entry.column {
            case .numeric(let sample): (entry.name, .numeric(.sample(sample)))
            case .categorical(let sample, let boolean): (entry.name, .categorical(sample, boolean: boolean, profile: nil))
            }
        }
    }

    /// The columns of `profile`; a category column of `0`/`1` only is boolean.
    init(profile: ReferenceProfile) {
        table = nil
        var rows = 0
        if case .numeric(let numeric)? = profile[Self.predictionColumn] { predictions = .profile(numeric) }
        columns = profile.columns.filter { $0.name != Self.predictionColumn }.map { entry in
            switch entry.column {
            case .numeric(let numeric):
                rows = max(rows, numeric.count + numeric.missingCount)
                return (entry.name, .numeric(.profile(numeric)))
            case .categorical(let categorical):
                let counts = Dictionary(categorical.categories.map { ($0.name, $0.count) }, uniquingKeysWith: +)
                let sample = CategoricalSample(counts: counts, missingCount: categorical.missingCount)
                rows = max(rows, sample.count + categorical.otherCount + categorical.missingCount)
                let boolean = categorical.otherCount == 0 && !counts.isEmpty && counts.keys.allSatisfy { $0 == "0" || $0 == "1" }
                return (entry.name, .categorical(sample, boolean: boolean, profile: categorical))
            }
        }
        rowCount = rows
    }
}
