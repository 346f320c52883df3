import Basics
import GradientBoosting
import Tabular

/// The evaluation metrics of an objective: RMSE, MAE, R² and MAPE for regression;
/// log loss, AUC, accuracy, precision, recall and F1 for binary classification.
enum ModelMetrics {
    /// The metrics of `predictions` (values, or probabilities of class 1) against `labels`.
    static func evaluate(objective: Objective, labels: [Double], predictions: [Double]) throws -> [(key: String, value: Double)] {
        guard labels.count == predictions.count else {
            throw Diagnostic.error("\(labels.count) labels but \(predictions.count) predictions")
        }
        switch objective {
        case .squaredError:
            return [
                ("rmse", Metrics.rmse(labels, predictions)), ("mae", Metrics.mae(labels, predictions)),
                ("r2", Metrics.r2(labels, predictions)), ("mape", Metrics.mape(labels, predictions)),
            ]
        case .logistic:
            return [
                ("logloss", Metrics.logLoss(labels, predictions)), ("auc", Metrics.auc(labels, predictions)),
                ("accuracy", Metrics.accuracy(labels, predictions)), ("precision", Metrics.precision(labels, predictions)),
                ("recall", Metrics.recall(labels, predictions)), ("f1", Metrics.f1(labels, predictions)),
            ]
        }
    }

    /// The metrics as a JSON object.
    static func json(_ metrics: [(key: String, value: Double)]) -> JSONValue {
        .object(metrics.map { ($0.key, .double($0.value)) })
    }
}
