import Basics
import Tabular
import YAML

/// What the `prepare` section of params.yaml configures; every option has a default,
/// so `ml prepare` works without a params file.
package struct PrepareConfiguration: Sendable {
    /// The target column (never imputed, clipped or scaled).
    package var target: String?
    /// Fraction of rows for the test split.
    package var testSize = 0.2
    /// Seed of the split's shuffle.
    package var seed: UInt64 = 42
    /// Shuffle before splitting.
    package var shuffle = true
    /// Keep the target's class proportions in both splits (classification targets).
    package var stratify = false
    /// Drop rows that repeat an earlier row.
    package var removeDuplicates = true
    /// How missing feature values are filled, with per-column overrides.
    package var imputer = Imputer(strategy: .median)
    /// Outlier clipping, if any.
    package var clipping: OutlierClipper.Method?
    /// Feature scaling.
    package var scaling = Scaler.Kind.standard
    /// How category and date columns become numeric features.
    package var encoding = EncodingConfiguration()
    /// Column types that override inference when the input is read (`schema:`).
    package var schema: [String: ColumnSchema] = [:]
    /// Column types declared for ingestion (`ingest.schema`), applied to the columns
    /// the input still has and `schema` does not name: a type is declared once.
    package var inheritedSchema: [String: ColumnSchema] = [:]

    /// The defaults.
    package init() {}

    /// The options of the `prepare` section.
    package static let keys = ["target", "test_size", "seed", "shuffle", "stratify", "remove_duplicates", "missing",
                              "outliers", "scaling", "encoding", "schema"]

    /// Reads the section, with located errors.
    package init(_ section: ParamsSection) throws {
        try section.checkKeys(Self.keys)
        target = try section.string("target", default: nil)
        testSize = try section.double("test_size", default: 0.2, in: 0.0001...0.9999)
        seed = UInt64(try section.int("seed", default: 42, in: 0...Int.max))
        shuffle = try section.bool("shuffle", default: true)
        stratify = try section.bool("stratify", default: false)
        removeDuplicates = try section.bool("remove_duplicates", default: true)
        let scalings = Scaler.Kind.allCases.map(\.rawValue)
        scaling = Scaler.Kind(rawValue: try section.string("scaling", default: "standard", choices: scalings) ?? "standard") ?? .standard
        imputer = try Self.imputer(section)
        clipping = try Self.clipping(section)
        encoding = try EncodingConfiguration(section)
        schema = try section.schema()
    }

    /// How the input CSV is read: `schema`, then the inherited types it does not override.
    package var readOptions: CSVReadOptions {
        let inherited = inheritedSchema.filter { schema[$0.key] == nil }
        var options = CSVReadOptions(schema: schema.merging(inherited) { own, _ in own })
        options.optionalSchemaColumns = Set(inherited.keys)
        return options
    }

    /// `missing: median` or `missing: {strategy: constant, fill_value: 0, columns: {CHAS: mode}}`.
    private static func imputer(_ section: ParamsSection) throws -> Imputer {
        guard let node = section["missing"] else { return Imputer(strategy: .median) }
        let strategies = ["drop", "mean", "median", "mode", "constant"]
        if case .string = node.value {
            guard let name = try section.string("missing", default: "median", choices: strategies.filter { $0 != "constant" }),
                  let strategy = ImputationStrategy(name: name) else { return Imputer(strategy: .median) }
            return Imputer(strategy: strategy)
        }
        let missing = ParamsSection(name: "prepare.missing", node: node)
        try missing.checkKeys(["strategy", "fill_value", "columns"])
        let fill = try missing.double("fill_value", default: 0)
        func strategy(_ name: String?, at item: YAMLNode, key: String, in reader: ParamsSection) throws -> ImputationStrategy {
            guard let name, let strategy = ImputationStrategy(name: name, constant: fill) else {
                throw reader.invalid(key, item, "one of \(strategies.joined(separator: ", "))")
            }
            return strategy
        }
        let main = try missing.string("strategy", default: "median", choices: strategies)
        var overrides: [String: ImputationStrategy] = [:]
        if let columns = missing["columns"] {
            let reader = ParamsSection(name: "prepare.missing.columns", node: columns)
            guard case .mapping(let pairs) = columns.value else { throw missing.invalid("columns", columns, "a mapping of column: strategy") }
            for pair in pairs {
                let column = pair.key.jsonKey
                overrides[column] = try strategy(try reader.string(column, default: nil, choices: strategies),
                                                 at: pair.value, key: column, in: reader)
            }
        }
        return Imputer(strategy: try strategy(main, at: node, key: "strategy", in: missing), overrides: overrides)
    }

    /// `outliers: {method: iqr, threshold: 1.5}`; `none` or absent turns clipping off.
    private static func clipping(_ section: ParamsSection) throws -> OutlierClipper.Method? {
        guard let node = section["outliers"] else { return nil }
        let outliers = ParamsSection(name: "prepare.outliers", node: node)
        try outliers.checkKeys(["method", "threshold"])
        switch try outliers.string("method", default: "none", choices: ["none", "iqr", "zscore"]) {
        case "iqr": return .iqr(k: try outliers.double("threshold", default: 1.5, in: 0 ... .infinity))
        case "zscore": return .zscore(threshold: try outliers.double("threshold", default: 3, in: 0 ... .infinity))
        default: return nil
        }
    }
}
