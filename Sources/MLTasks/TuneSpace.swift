import Basics
import GradientBoosting
import SearchSpace
import YAML

/// The `space:` of the tune section: `train` keys mapped to values or sweeps, each
/// checked against the hyperparameter table (its name, the kind and range of its values)
/// with errors located in params.yaml.
package struct TuneSpace: Sendable {
    /// The dimensions, in the order params.yaml lists them.
    package let dimensions: [Dimension]
    /// Where each dimension's value is written, by name.
    let locations: [String: SourceLocation]
    /// Where `space:` is written.
    let location: SourceLocation?

    /// Hyperparameters a search must not vary, with the reason.
    static let fixed: [String: String] = [
        "objective": "the metric depends on it: tune one objective at a time",
        "n_jobs": "it changes the speed, not the model",
        "early_stopping_rounds": "set tune.early_stopping_rounds instead: it stops each fold on its held-out rows",
    ]

    /// Reads and checks `space` of `section`.
    init(section: ParamsSection, base: BoosterParameters) throws {
        let example = "for example space: {max_depth: 'range(3,9)', learning_rate: 'loguniform(0.01,0.3)'}"
        guard let node = section["space"], node.value != .null else {
            throw Diagnostic.error("\(section.name).space is missing: there is nothing to search", at: section.node?.location, hint: example)
        }
        guard case .mapping(let pairs) = node.value else {
            throw section.invalid("space", node, "a mapping of train keys to values or sweeps")
        }
        guard !pairs.isEmpty else { throw Diagnostic.error("\(section.name).space is empty: there is nothing to search", at: node.location, hint: example) }
        let table = BoosterParameters.hyperparameters
        var dimensions: [Dimension] = []
        var locations: [String: SourceLocation] = [:]
        for pair in pairs {
            let key = pair.key.jsonKey, place = "\(section.name).space.\(key)"
            guard let parameter = table.first(where: { $0.name == key }) else {
                let nearest = table.map(\.name).filter { !Self.fixed.keys.contains($0) }
                    .sorted { Suggestion.editDistance(key, $0) < Suggestion.editDistance(key, $1) }.prefix(3)
                throw Diagnostic.error("unknown hyperparameter '\(place)'", at: pair.key.location,
                                       hint: "the nearest: \(nearest.joined(separator: ", ")); see the train keys in the README")
            }
            if let reason = Self.fixed[key] { throw Diagnostic.error("\(place) cannot be searched: \(reason)", at: pair.key.location) }
            let dimension = try Self.dimension(key, pair.value, place: place)
            try Self.check(dimension, parameter, base: base, node: pair.value, place: place)
            dimensions.append(dimension)
            locations[key] = pair.value.location
        }
        self.dimensions = dimensions
        self.locations = locations
        location = node.location
    }

    /// The dimension a space entry declares: an expression, a plain YAML value or a list (a choice).
    private static func dimension(_ name: String, _ node: YAMLNode, place: String) throws -> Dimension {
        switch node.value {
        case .string(let text):
            var start = node.location
            if node.style == .singleQuoted || node.style == .doubleQuoted { start.column += 1 }
            do { return try Dimension.parse(name: name, expression: text) } catch { throw error.diagnostic(at: start) }
        case .sequence(let items):
            guard !items.isEmpty else { throw Diagnostic.error("\(place) lists no values", at: node.location) }
            return Dimension(name: name, domain: .choice(try items.map { try scalar($0, place: place) }))
        default:
            return Dimension(name: name, domain: .value(try scalar(node, place: place)))
        }
    }

    private static func scalar(_ node: YAMLNode, place: String) throws -> SearchValue {
        switch node.value {
        case .int(let number): return .int(number)
        case .double(let number) where number.isFinite: return .double(number)
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        default: throw Diagnostic.error("\(place) must be a value or a sweep, not \(node.kindDescription)", at: node.location)
        }
    }

    /// Throws unless every value the dimension can take suits the hyperparameter (lists
    /// checked value by value; ranges at both ends, since they are monotonic; continuous
    /// domains at their bounds, which must be real numbers).
    private static func check(_ dimension: Dimension, _ parameter: Hyperparameter, base: BoosterParameters, node: YAMLNode, place: String) throws {
        let expected = parameter.expectation(given: base)
        func reject(_ shown: String) -> Diagnostic {
            .error("\(place): \(shown) is not allowed: \(parameter.name) must be \(expected)", at: node.location)
        }
        let domain = dimension.domain
        if domain.isContinuous {
            guard case .real = parameter.domain else {
                throw Diagnostic.error("\(place): \(domain.expression) draws real numbers, but \(parameter.name) must be \(expected)",
                                       at: node.location, hint: "use range(a,b), randint(a,b) or choice(…) for a whole number or a name")
            }
            let (low, high): (Double, Double) = switch domain {
            case .uniform(let low, let high), .logUniform(let low, let high): (low, high)
            default: (0, 0)
            }
            for bound in [low, high] where !parameter.allows(.real(bound), given: base) { throw reject(SearchValue.double(bound).yamlText) }
            return
        }
        let count = domain.count ?? 0
        let indices = count <= 10_000 ? Array(0..<count) : [0, count - 1]
        for index in indices {
            guard let value = domain.value(at: index) else { continue }
            guard let converted = hyperparameterValue(value, for: parameter), parameter.allows(converted, given: base) else {
                throw reject(value.yamlText)
            }
        }
    }

    /// `value` as the hyperparameter holds it: an integer widened to a real where a real is due.
    static func hyperparameterValue(_ value: SearchValue, for parameter: Hyperparameter) -> Hyperparameter.Value? {
        switch (parameter.domain, value) {
        case (.integer, .int(let number)): .integer(number)
        case (.real, .int(let number)), (.score, .int(let number)): .real(Double(number))
        case (.real, .double(let number)), (.score, .double(let number)): .real(number)
        case (.choice, .string(let name)): .name(name)
        default: nil
        }
    }
}
