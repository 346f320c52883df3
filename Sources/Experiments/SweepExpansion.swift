import Basics
import YAML

/// The points of the sweep the `-S` expressions describe.
enum SweepExpansion {
    /// One list of assignments per point, in order.
    static func points(of overrides: [ParamOverride], sampling: ExperimentPlan.Sampling) throws(Diagnostic) -> [[ParamAssignment]] {
        var point: [ParamAssignment] = []
        for override in overrides {
            let value: JSONValue
            do {
                value = try YAML.parse(override.expression, file: "-S").json
            } catch {
                throw override.expressionError(error.message, column: error.location?.column, hint: error.hint)
            }
            point.append(ParamAssignment(file: override.file, key: override.key, value: value, yamlText: override.expression))
        }
        return [point]
    }
}
