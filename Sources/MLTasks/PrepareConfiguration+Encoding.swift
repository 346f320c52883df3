import Basics
import Tabular
import YAML

/// `prepare.encoding`: how category and date columns become numeric features, by
/// default and per column (`columns: {cut: {method: ordinal, order: [Fair, Good, Ideal]}}`).
package struct EncodingConfiguration: Sendable {
    /// How one column is encoded.
    package struct Choice: Sendable {
        /// `native`, `onehot`, `ordinal` or `target` (category columns).
        package var method = "native"
        /// The one-hot options.
        package var onehot = OneHotEncoder()
        /// The ordinal order (required for `ordinal`).
        package var order: [String] = []
        /// The date parts of a date column.
        package var dateParts = DateParts()
        /// Target encoding: the number of folds of the out-of-fold fit.
        package var folds = 5
        /// Target encoding: the smoothing `m`.
        package var smoothing = 10.0
    }

    /// The encodings of a category column.
    package static let methods = ["native", "onehot", "ordinal", "target"]

    /// Every option of an encoding, declared once: name, default, allowed values, help.
    package static let options: [(name: String, defaultValue: String, allowed: [String], help: String)] = [
        ("method", "native", methods, "how a category column reaches the model: native (the trees split on categories), onehot, ordinal or target"),
        ("min_frequency", "0", [], "a category seen fewer times (a fraction of rows when below 1) is infrequent"),
        ("max_categories", "none", [], "at most this many one-hot columns per feature, the infrequent one included"),
        ("drop", "none", OneHotEncoder.Drop.allCases.map(\.rawValue), "one-hot column left out: first, if_binary or none"),
        ("handle_unknown", "missing", UnknownCategoryHandling.allCases.map(\.rawValue),
         "an unseen category: missing (all-zero row, scikit-learn's ignore), infrequent (infrequent_if_exist) or error"),
        ("order", "[]", [], "ordinal: the categories, lowest first"),
        ("folds", "5", [], "target: K, the folds of the out-of-fold fit on the training split"),
        ("smoothing", "10", [], "target: m in (n·mean + m·prior) / (n + m)"),
        ("date_parts", DateParts.Part.allCases.map(\.rawValue).joined(separator: ", "),
         DateParts.Part.allCases.map(\.rawValue), "date columns: which parts (UTC) to write"),
    ]

    /// The encoding of columns not listed in `columns`.
    package var defaultChoice = Choice()
    /// Per-column encodings.
    package var columns: [String: Choice] = [:]

    /// The defaults: native categories, every date part.
    package init() {}

    /// The encoding of `column`.
    package func choice(for column: String) -> Choice { columns[column] ?? defaultChoice }

    /// Reads `encoding: onehot` or `encoding: {method: …, …, columns: {name: …}}`.
    package init(_ section: ParamsSection) throws {
        guard let node = section["encoding"] else { return }
        if case .string = node.value {
            defaultChoice.method = try section.string("encoding", default: "native", choices: Self.methods) ?? "native"
            return
        }
        let encoding = ParamsSection(name: "prepare.encoding", node: node)
        try encoding.checkKeys(Self.options.map(\.name) + ["columns"])
        defaultChoice = try Self.choice(encoding, base: Choice())
        guard let columnsNode = encoding["columns"] else { return }
        guard case .mapping(let pairs) = columnsNode.value else {
            throw encoding.invalid("columns", columnsNode, "a mapping of column: method or column: {method: …}")
        }
        let reader = ParamsSection(name: "prepare.encoding.columns", node: columnsNode)
        for pair in pairs {
            let name = pair.key.jsonKey
            if case .string = pair.value.value {
                var choice = defaultChoice
                choice.method = try reader.string(name, default: "native", choices: Self.methods) ?? "native"
                columns[name] = choice
            } else {
                let column = ParamsSection(name: "prepare.encoding.columns.\(name)", node: pair.value)
                try column.checkKeys(Self.options.map(\.name))
                columns[name] = try Self.choice(column, base: defaultChoice)
            }
            if columns[name]?.method == "ordinal", columns[name]?.order.isEmpty == true {
                throw Diagnostic.error("prepare.encoding.columns.\(name): ordinal needs an order: list",
                                       at: pair.key.location, hint: "list the categories lowest first: order: [low, mid, high]")
            }
        }
    }

    private static func choice(_ reader: ParamsSection, base: Choice) throws -> Choice {
        var choice = base
        func allowed(_ name: String) -> [String] { options.first { $0.name == name }?.allowed ?? [] }
        choice.method = try reader.string("method", default: base.method, choices: allowed("method")) ?? base.method
        choice.onehot.minFrequency = try reader.double("min_frequency", default: base.onehot.minFrequency, in: 0 ... .infinity)
        if reader["max_categories"] != nil {
            choice.onehot.maxCategories = try reader.int("max_categories", default: 1, in: 1...Int.max)
        }
        let drop = try reader.string("drop", default: base.onehot.drop.rawValue, choices: allowed("drop"))
        choice.onehot.drop = drop.flatMap(OneHotEncoder.Drop.init(rawValue:)) ?? base.onehot.drop
        let unknown = try reader.string("handle_unknown", default: base.onehot.handleUnknown.rawValue, choices: allowed("handle_unknown"))
        choice.onehot.handleUnknown = unknown.flatMap(UnknownCategoryHandling.init(rawValue:)) ?? base.onehot.handleUnknown
        choice.order = try reader.strings("order", default: base.order)
        choice.folds = try reader.int("folds", default: base.folds, in: 2...1_000)
        choice.smoothing = try reader.double("smoothing", default: base.smoothing, in: 0 ... .infinity)
        if let item = reader["date_parts"] {
            let names = try reader.strings("date_parts")
            let parts = names.compactMap(DateParts.Part.init(rawValue:))
            guard parts.count == names.count, !parts.isEmpty else {
                throw reader.invalid("date_parts", item, "a list of \(allowed("date_parts").joined(separator: ", "))")
            }
            choice.dateParts = DateParts(parts: parts)
        }
        return choice
    }
}
