import Basics
import Tabular

/// The `inputs` and `encoders` members of a preprocessor file.
extension Preprocessor {
    /// The encoders as JSON, keyed by raw column in input order.
    var encodersJSON: JSONValue {
        .object(inputs.compactMap { name in encoders[name].map { (key: name, value: Self.json($0)) } })
    }

    private static func json(_ encoder: ColumnEncoder) -> JSONValue {
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        switch encoder {
        case .onehot(let e):
            return .object([("method", .string("onehot")), ("categories", strings(e.categories)),
                            ("infrequent", strings(e.infrequent)), ("drop_first", .bool(e.dropFirst)),
                            ("handle_unknown", .string(e.handleUnknown.rawValue))])
        case .ordinal(let e):
            return .object([("method", .string("ordinal")), ("order", strings(e.order)),
                            ("handle_unknown", .string(e.handleUnknown.rawValue))])
        case .dateParts(let e):
            return .object([("method", .string("date_parts")), ("parts", strings(e.parts.map(\.rawValue)))])
        case .native(let e):
            return .object([("method", .string("native")), ("categories", strings(e.categories)),
                            ("handle_unknown", .string(e.handleUnknown.rawValue))])
        case .target(let e):
            let means = e.means.keys.sorted().map { (key: $0, value: JSONValue.double(e.means[$0] ?? e.prior)) }
            return .object([("method", .string("target")), ("prior", .double(e.prior)), ("means", .object(means)),
                            ("handle_unknown", .string(e.handleUnknown.rawValue))])
        }
    }

    /// Reads `encoders` from `json`; `fail` makes the error for a bad member.
    static func encoders(_ json: JSONValue?, fail: (String) -> Diagnostic) throws -> [String: ColumnEncoder] {
        guard let json, json != .null else { return [:] }
        guard case .object(let members) = json else { throw fail("\"encoders\" must be an object") }
        func strings(_ value: JSONValue?, _ what: String) throws -> [String] {
            guard case .array(let items)? = value else { throw fail("\(what) must be a list of strings") }
            return try items.map { item in
                guard case .string(let s) = item else { throw fail("\(what) must be a list of strings") }
                return s
            }
        }
        func unknown(_ value: JSONValue?, _ column: String) throws -> UnknownCategoryHandling {
            guard case .string(let s)? = value, let handling = UnknownCategoryHandling(rawValue: s) else {
                throw fail("the encoder of '\(column)' has no valid \"handle_unknown\"")
            }
            return handling
        }
        func number(_ value: JSONValue?, _ what: String) throws -> Double {
            switch value {
            case .double(let d)? where d.isFinite: return d
            case .int(let i)?: return Double(i)
            default: throw fail("\(what) must be a finite number")
            }
        }
        var result: [String: ColumnEncoder] = [:]
        for (column, value) in members {
            switch value["method"] {
            case .string("onehot")?:
                guard case .bool(let dropFirst)? = value["drop_first"] else { throw fail("the encoder of '\(column)' lacks \"drop_first\"") }
                result[column] = .onehot(FittedOneHotEncoder(
                    categories: try strings(value["categories"], "categories of '\(column)'"),
                    infrequent: try strings(value["infrequent"], "infrequent of '\(column)'"),
                    dropFirst: dropFirst, handleUnknown: try unknown(value["handle_unknown"], column)))
            case .string("ordinal")?:
                result[column] = .ordinal(OrdinalEncoder(order: try strings(value["order"], "order of '\(column)'"),
                                                         handleUnknown: try unknown(value["handle_unknown"], column)))
            case .string("native")?:
                result[column] = .native(NativeCategoryEncoder(categories: try strings(value["categories"], "categories of '\(column)'"),
                                                               handleUnknown: try unknown(value["handle_unknown"], column)))
            case .string("date_parts")?:
                let names = try strings(value["parts"], "parts of '\(column)'")
                let parts = try names.map { name in
                    guard let part = DateParts.Part(rawValue: name) else { throw fail("unknown date part '\(name)' of '\(column)'") }
                    return part
                }
                result[column] = .dateParts(DateParts(parts: parts))
            case .string("target")?:
                guard case .object(let pairs)? = value["means"] else { throw fail("the encoder of '\(column)' lacks \"means\"") }
                var means: [String: Double] = [:]
                for pair in pairs { means[pair.key] = try number(pair.value, "a mean of '\(column)'") }
                result[column] = .target(FittedTargetEncoder(prior: try number(value["prior"], "the prior of '\(column)'"),
                                                             means: means, handleUnknown: try unknown(value["handle_unknown"], column)))
            default:
                throw fail("the encoder of '\(column)' has no known \"method\" (native, onehot, ordinal, date_parts, target)")
            }
        }
        return result
    }
}
