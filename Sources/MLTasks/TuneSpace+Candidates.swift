import Basics
import GradientBoosting
import SearchSpace

/// The candidates of a search: the points of the space, each applied to the `train` parameters.
extension TuneSpace {
    /// The points a search visits: the grid, or `iterations` draws with `seed`.
    func points(method: TuneConfiguration.Method, iterations: Int, seed: UInt64) throws -> [SearchPoint] {
        do {
            switch method {
            case .grid: return try Sweep.grid(of: dimensions)
            case .random: return try Sweep.sample(dimensions, count: iterations, seed: seed)
            }
        } catch {
            let at = error.dimension.flatMap { locations[$0] } ?? location
            throw Diagnostic.error("tune.space: \(error.message)", at: at, hint: error.hint)
        }
    }

    /// `base` with the point's values set; throws when the combination is not allowed
    /// (max_depth 0 with depth-wise growth), naming the candidate.
    func parameters(_ point: SearchPoint, base: BoosterParameters) throws -> BoosterParameters {
        var parameters = base
        let table = BoosterParameters.hyperparameters
        for assignment in point.assignments {
            guard let parameter = table.first(where: { $0.name == assignment.name }),
                  let value = Self.hyperparameterValue(assignment.value, for: parameter) else { continue }
            parameter.set(value, in: &parameters)
        }
        do { try parameters.validate() } catch let diagnostic as Diagnostic {
            throw Diagnostic.error("tune.space: the candidate \(point.label) is not allowed: \(diagnostic.message)", at: location,
                                   hint: diagnostic.hint)
        }
        return parameters
    }
}
