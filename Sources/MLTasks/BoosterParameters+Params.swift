import Basics
import GradientBoosting
import YAML

/// Reading the `train` section of params.yaml into booster parameters, with located
/// errors that name the key and its allowed values; the keys and their values come
/// from `BoosterParameters.hyperparameters`.
extension BoosterParameters {
    /// Parameters from `section`; absent keys keep XGBoost's defaults.
    package init(section: ParamsSection) throws {
        try section.checkKeys(Self.hyperparameters.map(\.name))
        self.init()
        // In table order: `objective` comes first, so a score's range sees the objective given.
        for parameter in Self.hyperparameters {
            guard let node = section[parameter.name] else { continue }
            let value: Hyperparameter.Value? = switch (parameter.domain, node.value) {
            case (_, .null) where parameter.isOptional: .unset
            case (.integer, .int(let number)): .integer(number)
            case (.real, .int(let number)), (.score, .int(let number)): .real(Double(number))
            case (.real, .double(let number)), (.score, .double(let number)): .real(number)
            case (.choice, .string(let name)): .name(name)
            default: nil
            }
            guard let value, parameter.allows(value, given: self) else {
                throw section.invalid(parameter.name, node, parameter.expectation(given: self))
            }
            parameter.set(value, in: &self)
        }
        // Combinations (such as max_depth 0 with depth-wise growth) are checked here,
        // located at the section.
        do { try validate() } catch let diagnostic as Diagnostic {
            throw Diagnostic.error("\(section.name): \(diagnostic.message)", at: section.node?.location, hint: diagnostic.hint)
        }
    }
}
