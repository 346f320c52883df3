import Basics

/// The `gblinear` form of XGBoost's JSON model: the gradient booster named `gblinear`,
/// whose `weights` hold each feature's weight (one per output group; one group here)
/// and then the bias, as float32 values.
extension Booster {
    /// The text of a linear model's file: the same learner members as a tree model's,
    /// with the linear gradient booster.
    func linearJSON(_ linear: LinearModel) -> String {
        var out = "{\"learner\":{\"attributes\":{},\"feature_names\":[],\"feature_types\":[],"
        out += "\"gradient_booster\":{\"model\":{\"boosted_rounds\":\(linear.rounds),\"weights\":["
        // Float32 values widened to double: XGBoost reads back exactly the trained weights.
        out += (linear.weights + [linear.bias]).map { JSONWriter.number(Double($0)) }.joined(separator: ",")
        out += "]},\"name\":\"gblinear\"},"
        out += learnerTail()
        return out
    }

    /// A linear gradient booster's weights and bias, read from `model` (XGBoost's
    /// `gradient_booster.model` of a `gblinear` file) for `featureCount` features.
    static func linearModel(_ model: JSONValue?, featureCount: Int, fail: (String) -> Diagnostic) throws -> LinearModel {
        guard case .array(let items)? = model?["weights"] else { throw fail("its gblinear model has no \"weights\"") }
        let values = try items.map { item -> Float in
            switch item {
            case .double(let d) where Float(d).isFinite: return Float(d)
            case .int(let i) where Float(i).isFinite: return Float(i)
            default: throw fail("its gblinear \"weights\" must hold finite numbers")
            }
        }
        guard values.count == featureCount + 1 else {
            throw fail("its gblinear model has \(values.count) weights for \(featureCount) features (one per feature and a bias expected)")
        }
        var rounds = 0
        if case .int(let count)? = model?["boosted_rounds"] { rounds = max(count, 0) }
        return LinearModel(weights: Array(values.dropLast()), bias: values[featureCount], rounds: rounds)
    }
}
