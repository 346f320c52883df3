import Basics
import Tabular

/// The preprocessor file format: one JSON document.
extension Preprocessor {
    /// The format name written to every preprocessor file.
    package static let format = "sluice-preprocessor"

    /// The preprocessor as JSON (features in order; per-column maps in feature order).
    package var json: JSONValue {
        func map(_ values: [String: Double]) -> JSONValue {
            .object(features.compactMap { name in values[name].map { (key: name, value: .double($0)) } })
        }
        var clipping = JSONValue.null
        if let clipper {
            clipping = .object([("lower", map(clipper.lowerBounds)), ("upper", map(clipper.upperBounds))])
        }
        // Files without encoders stay as they were, so older readers keep reading them.
        let encoding: [(key: String, value: JSONValue)] = encoders.isEmpty ? [] : [
            ("inputs", .array(inputs.map(JSONValue.string))), ("encoders", encodersJSON),
        ]
        return .object([
            ("format", .string(Self.format)), ("version", .int(1)),
            ("target", target.map(JSONValue.string) ?? .null),
        ] + encoding + [
            ("features", .array(features.map(JSONValue.string))),
            ("imputation", .object([("strategy", .string(imputationStrategy)), ("values", map(imputer.fillValues))])),
            ("clipping", clipping),
            ("scaling", .object([("method", .string(scaler.kind.rawValue)), ("center", map(scaler.centers)), ("scale", map(scaler.scales))])),
        ])
    }

    /// Where a fitted number is not finite, in words (`the scale of 'a'`), or nil when
    /// all are: such a number would be written as null and the file could not be read back.
    package var firstNonFiniteParameter: String? {
        for name in features {
            if let fill = imputer.fillValues[name], !fill.isFinite { return "the fill value of '\(name)'" }
            if let bounds = clipper?.bounds[name], !bounds.lowerBound.isFinite || !bounds.upperBound.isFinite {
                return "the clipping bounds of '\(name)'"
            }
            if let parameters = scaler.parameters[name], !parameters.center.isFinite || !parameters.scale.isFinite {
                return "the scaling of '\(name)'"
            }
        }
        return nil
    }

    /// Reads the JSON form; `file` names the source in errors.
    package init(json: JSONValue, file: String) throws {
        func fail(_ what: String) -> Diagnostic {
            .error("\(file) is not a valid preprocessor file: \(what)", hint: "write it with 'sluice ml prepare'")
        }
        func numbers(_ value: JSONValue?) throws -> [String: Double] {
            guard case .object(let members)? = value else { throw fail("expected an object of numbers") }
            var result: [String: Double] = [:]
            for member in members {
                switch member.value {
                case .double(let d) where d.isFinite: result[member.key] = d
                case .int(let i): result[member.key] = Double(i)
                default: throw fail("'\(member.key)' must be a finite number")
                }
            }
            return result
        }
        guard case .string(Self.format)? = json["format"] else { throw fail("missing \"format\": \"\(Self.format)\"") }
        guard case .array(let names)? = json["features"] else { throw fail("missing the feature list") }
        features = try names.map { name in
            guard case .string(let s) = name else { throw fail("feature names must be strings") }
            return s
        }
        if case .string(let t)? = json["target"] { target = t } else { target = nil }
        if case .array(let raw)? = json["inputs"] {
            inputs = try raw.map { name in
                guard case .string(let s) = name else { throw fail("input names must be strings") }
                return s
            }
        } else {
            inputs = features
        }
        encoders = try Self.encoders(json["encoders"], fail: fail)
        imputationStrategy = if case .string(let s)? = json["imputation"]?["strategy"] { s } else { "none" }
        imputer = FittedImputer(fillValues: try numbers(json["imputation"]?["values"] ?? .object([])))
        if let clipping = json["clipping"], clipping != .null {
            let lower = try numbers(clipping["lower"]), upper = try numbers(clipping["upper"])
            var bounds: [String: ClosedRange<Double>] = [:]
            for (name, low) in lower {
                guard let high = upper[name], low <= high else { throw fail("clipping bounds of '\(name)' are invalid") }
                bounds[name] = low...high
            }
            clipper = FittedClipper(bounds: bounds)
        } else {
            clipper = nil
        }
        guard case .string(let method)? = json["scaling"]?["method"], let kind = Scaler.Kind(rawValue: method),
              let scaler = FittedScaler(kind: kind, centers: try numbers(json["scaling"]?["center"]),
                                        scales: try numbers(json["scaling"]?["scale"])) else {
            throw fail("missing or invalid \"scaling\"")
        }
        self.scaler = scaler
    }
}
