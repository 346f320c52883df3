import Basics
import Foundation
import Tabular

/// Everything `prepare` learned on the training split, applied identically by
/// train, export and predict (training/serving parity): feature order, imputation
/// values, outlier bounds and scaler parameters.
package struct Preprocessor: Sendable, Equatable {
    /// The target column (never transformed); `nil` when unknown.
    package var target: String?
    /// The feature columns, in the order models see them.
    package var features: [String]
    /// The imputation strategy's name, for people.
    package var imputationStrategy: String
    /// Fill values for missing cells, by column.
    package var imputer: FittedImputer
    /// Clipping bounds, when outlier clipping was fitted.
    package var clipper: FittedClipper?
    /// Scaler parameters (center and scale per column).
    package var scaler: FittedScaler
    /// The raw columns read, in order (equal to `features` when nothing is encoded).
    package var inputs: [String]
    /// How raw category and date columns become numeric features, by raw column.
    package var encoders: [String: ColumnEncoder]

    /// Creates a preprocessor.
    package init(target: String?, features: [String], imputationStrategy: String, imputer: FittedImputer,
                clipper: FittedClipper?, scaler: FittedScaler, inputs: [String]? = nil,
                encoders: [String: ColumnEncoder] = [:]) {
        self.inputs = inputs ?? features
        self.encoders = encoders
        self.target = target
        self.features = features
        self.imputationStrategy = imputationStrategy
        self.imputer = imputer
        self.clipper = clipper
        self.scaler = scaler
    }

    /// The raw columns whose cells are categories (to be read as text, `01` as written).
    package var categoryInputs: [String] { inputs.filter { encoders[$0]?.readsCategories == true } }

    /// The features that stay categories for the trees' native splits.
    package var nativeFeatures: [String] { inputs.filter { encoders[$0]?.keepsCategories == true } }

    /// The feature columns of `table`, in order, imputed, clipped and scaled (native
    /// category features pass as categories) (±infinity
    /// is missing, as when the preprocessor was fitted). Extra columns (the target among
    /// them) are ignored; a missing feature is an error.
    package func transform(_ table: Table, source: String) throws -> Table {
        let missing = inputs.filter { table.index(ofColumn: $0) == nil }
        guard missing.isEmpty else {
            throw Diagnostic.error(
                "\(source) lacks feature column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                hint: "the model was trained on: \(inputs.joined(separator: ", "))")
        }
        do {
            return try transformEncoded(encoded(table))
        } catch var diagnostic as Diagnostic {
            // Encoders name the column and row; the file is known only here.
            diagnostic.message = "\(source): \(diagnostic.message)"
            throw diagnostic
        }
    }

    /// The steps after encoding (impute, clip, scale) on an already encoded `table`;
    /// `ml prepare` gives it the training split's out-of-fold target encodings.
    package func transformEncoded(_ table: Table) throws -> Table {
        var result = try imputer.transform(InfiniteValues.asMissing(table.selecting(features), columns: features))
        if let clipper { result = try clipper.transform(result) }
        return try scaler.transform(result)
    }

    /// `table`'s input columns with each encoded column replaced by its encoding.
    package func encoded(_ table: Table) throws -> Table {
        encoders.isEmpty ? table : try Self.encoding(table, inputs: inputs, encoders: encoders)
    }

    /// The `inputs` of `table`, each column with an encoder replaced by its encoding.
    package static func encoding(_ table: Table, inputs: [String], encoders: [String: ColumnEncoder]) throws -> Table {
        var columns: [(name: String, column: Column)] = []
        for name in inputs {
            let column = try table.column(named: name)
            if let encoder = encoders[name] {
                columns += try encoder.transform(column, name: name)
            } else {
                columns.append((name, column))
            }
        }
        return try Table(columns)
    }

    /// Reads a preprocessor file.
    package static func load(path: String, displayName: String? = nil) throws -> Preprocessor {
        let name = displayName ?? path
        return try Preprocessor(json: JSONReader.load(path: path, displayName: name), file: name)
    }

    /// Writes the preprocessor file atomically; throws, writing nothing, when a fitted
    /// number is not finite (the file could not be read back).
    package func write(to path: String) throws {
        if let place = firstNonFiniteParameter {
            throw Diagnostic.error("\(place) is not a finite number, which a preprocessor file cannot hold")
        }
        try AtomicFile.write(JSONWriter.pretty.string(json) + "\n", to: path)
    }
}
