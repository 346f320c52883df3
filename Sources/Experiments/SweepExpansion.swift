import Basics
import SearchSpace
import YAML

/// The points of the sweep the `-S` expressions describe: SearchSpace reads each
/// expression (a value, `a,b`, `choice`, `range`, `uniform`, `loguniform`, `randint`)
/// and lists the grid or draws the sample; this only maps its points onto params keys.
enum SweepExpansion {
    /// One list of assignments per point, in sweep order (the first `-S` varying slowest).
    static func points(of overrides: [ParamOverride], sampling: ExperimentPlan.Sampling) throws(Diagnostic) -> [[ParamAssignment]] {
        var dimensions: [Dimension] = [], collections: [Int: ParamAssignment] = [:]
        for (index, override) in overrides.enumerated() {
            // A flow collection (`[64, 32]`) is one YAML value, never a sweep.
            if let first = override.expression.first, first == "[" || first == "{" {
                collections[index] = try collection(override)
                continue
            }
            do {
                dimensions.append(try Dimension.parse(name: override.displayKey, expression: override.expression,
                                                      column: override.expressionColumn))
            } catch {
                throw diagnostic(error, overrides: overrides)
            }
        }
        let points: [SearchPoint]
        do {
            switch sampling {
            case .grid: points = try Sweep.grid(of: dimensions)
            case .random(let count, let seed): points = try Sweep.sample(dimensions, count: count, seed: seed)
            }
        } catch {
            throw diagnostic(error, overrides: overrides)
        }
        guard !points.isEmpty else { throw .error("the sweep has no points", hint: "give every swept key at least one value") }
        return points.map { point in
            var values = point.assignments.makeIterator()
            return overrides.indices.compactMap { index -> ParamAssignment? in
                if let collection = collections[index] { return collection }
                guard let assignment = values.next() else { return nil }
                let override = overrides[index]
                return ParamAssignment(file: override.file, key: override.key, value: assignment.value.json, yamlText: assignment.value.yamlText)
            }
        }
    }

    /// A flow collection value, read as YAML.
    private static func collection(_ override: ParamOverride) throws(Diagnostic) -> ParamAssignment {
        do {
            let node = try YAML.parse(override.expression, file: "-S")
            return ParamAssignment(file: override.file, key: override.key, value: node.json, yamlText: override.expression)
        } catch {
            throw override.expressionError(error.message, column: error.location?.column, hint: error.hint)
        }
    }

    /// A SearchSpace error as a diagnostic naming the `-S` argument it is in (its column
    /// already counts from the argument's start).
    private static func diagnostic(_ error: SearchSpaceError, overrides: [ParamOverride]) -> Diagnostic {
        guard let name = error.dimension, let override = overrides.first(where: { $0.displayKey == name }) else {
            return .error(error.message, hint: error.hint)
        }
        return ParamOverride.error(override.argument, column: error.column, error.message, hint: error.hint)
    }
}
