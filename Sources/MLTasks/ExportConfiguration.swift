import Basics
import YAML

/// What the `export` section of params.yaml configures: the model's name, the
/// quality gate (`min_<metric>` / `max_<metric>`) and the metric that decides
/// champion against challenger.
package struct ExportConfiguration: Sendable {
    /// A bound a metric must respect for the model to be registered at all.
    package struct Gate: Sendable, Equatable {
        /// The metric, e.g. `r2`.
        package var metric: String
        /// The bound.
        package var bound: Double
        /// Whether the bound is a minimum (`min_r2`) or a maximum (`max_rmse`).
        package var isMinimum: Bool
    }

    /// The registered model's name.
    package var name: String?
    /// Bounds every new version must respect.
    package var gates: [Gate] = []
    /// The metric compared with production (default: rmse, else logloss).
    package var metric: String?

    /// Metrics where a higher value is better; the rest are errors or losses.
    package static let higherIsBetter: Set<String> = ["r2", "auc", "accuracy", "precision", "recall", "f1"]

    /// No gate, default metric.
    package init() {}

    /// Reads the section: `name`, `metric` and any number of `min_X` / `max_X`.
    package init(_ section: ParamsSection) throws {
        name = try section.string("name", default: nil)
        metric = try section.string("metric", default: nil)
        guard case .mapping(let pairs)? = section.node?.value else { return }
        for pair in pairs {
            let key = pair.key.jsonKey
            guard key != "name" && key != "metric" else { continue }
            let isMinimum = key.hasPrefix("min_")
            guard isMinimum || key.hasPrefix("max_"), key.count > 4 else {
                throw Diagnostic.error("unknown option 'export.\(key)'", at: pair.key.location,
                                       hint: "use name, metric, or a gate such as min_r2 or max_rmse")
            }
            gates.append(Gate(metric: String(key.dropFirst(4)), bound: try section.double(key, default: 0), isMinimum: isMinimum))
        }
    }

    /// The comparison metric for `metrics`: the configured one, else rmse or logloss.
    func comparisonMetric(_ metrics: [String: Double]) -> String? {
        metric ?? ["rmse", "logloss"].first { metrics[$0] != nil }
    }

    /// Whether `challenger` beats `champion` on `metric` (ties keep the champion).
    static func beats(_ challenger: Double, _ champion: Double, on metric: String) -> Bool {
        higherIsBetter.contains(metric) ? challenger > champion : challenger < champion
    }
}
