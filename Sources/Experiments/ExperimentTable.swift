import Basics
import Foundation
import RunStore

/// `sluice exp show`: one row per experiment with the params it changed and its
/// metrics, best first by one metric.
package struct ExperimentTable: Sendable {
    /// Which end of a metric is best.
    package enum Order: String, Sendable, CaseIterable {
        /// Smallest first (rmse, loss, error).
        case asc
        /// Largest first (auc, accuracy, r2).
        case desc
    }

    /// One experiment.
    package struct Row: Sendable {
        package var name: String
        package var run: String
        package var status: RunStatus
        package var created: Date
        /// The overridden keys' values.
        package var params: [(key: String, value: JSONValue)]
        package var metrics: FlatValues
    }

    /// The overridden keys of any experiment, in first-seen order.
    package let paramKeys: [String]
    /// The metric keys of any experiment, in first-seen order.
    package let metricKeys: [String]
    /// The metric the rows are sorted by, and how; `nil` when sorted by time (newest first).
    package let sortedBy: (key: String, order: Order)?
    /// The rows, best first.
    package let rows: [Row]

    /// Names whose smaller values are better; any other metric is better larger.
    static let smallerIsBetter = ["rmse", "mse", "mae", "mape", "loss", "error", "err", "deviance"]
    /// Metrics chosen to sort by when none is named, in order of preference.
    static let preferred = ["rmse", "mae", "mse", "loss", "logloss", "error", "roc_auc", "auc", "accuracy", "f1", "r2"]

    /// The table of `experiments`, sorted by `sortBy` (a metric key, or the last part of
    /// one such as `rmse`) in `order` (by default from the metric's name).
    package init(_ experiments: [StoredExperiment], sortBy: String?, order: Order?) throws(Diagnostic) {
        var paramKeys: [String] = [], metricKeys: [String] = [], seenParams: Set<String> = [], seenMetrics: Set<String> = []
        var rows: [Row] = []
        for experiment in experiments {
            for key in experiment.record.overrides.map(\.key) where seenParams.insert(key).inserted { paramKeys.append(key) }
            for key in experiment.run.metrics.keys where seenMetrics.insert(key).inserted { metricKeys.append(key) }
            rows.append(Row(name: experiment.name, run: experiment.run.id, status: experiment.run.status,
                            created: experiment.run.record.startTime, params: experiment.record.overrides, metrics: experiment.run.metrics))
        }
        self.paramKeys = paramKeys
        self.metricKeys = metricKeys
        let key = try sortBy.map { name throws(Diagnostic) in try Self.resolve(name, among: metricKeys) } ?? Self.defaultKey(among: metricKeys)
        guard let key else {
            sortedBy = nil
            self.rows = rows.sorted { ($0.created, $0.run) > ($1.created, $1.run) }
            return
        }
        let direction = order ?? Self.defaultOrder(for: key)
        sortedBy = (key, direction)
        self.rows = Self.sorted(rows, by: key, direction)
    }

    /// Rows with the metric first, best first (ties by time); rows without it last, by time.
    static func sorted(_ rows: [Row], by key: String, _ order: Order) -> [Row] {
        rows.sorted { a, b in
            switch (a.metrics.number(key), b.metrics.number(key)) {
            case let (x?, y?) where x != y: return order == .asc ? x < y : x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (a.created, a.run) < (b.created, b.run)
            }
        }
    }

    /// The direction a metric is best in, from its last name part.
    package static func defaultOrder(for key: String) -> Order {
        let name = (key.split(whereSeparator: { $0 == "." || $0 == ":" || $0 == "/" }).last.map(String.init) ?? key).lowercased()
        return smallerIsBetter.contains { name == $0 || name.hasSuffix("_" + $0) || name.hasPrefix($0 + "_") } ? .asc : .desc
    }

    /// The key `name` names: itself, or the one key ending in `.name` or `:name`.
    static func resolve(_ name: String, among keys: [String]) throws(Diagnostic) -> String {
        if keys.contains(name) { return name }
        let endings = keys.filter { $0.hasSuffix("." + name) || $0.hasSuffix(":" + name) }
        if endings.count == 1 { return endings[0] }
        if endings.count > 1 {
            throw .error("--sort-by '\(name)' matches several metrics: \(endings.joined(separator: ", "))", hint: "give the whole key")
        }
        let hint = Suggestion.closest(to: name, among: keys).map { "did you mean '\($0)'?" }
            ?? (keys.isEmpty ? "no experiment recorded metrics" : "metrics: " + keys.prefix(12).joined(separator: ", "))
        throw .error("no experiment has a metric '\(name)'", hint: hint)
    }

    /// The metric sorted by when none is named: the first of the usual ones present.
    static func defaultKey(among keys: [String]) -> String? {
        for name in preferred {
            if let key = keys.first(where: { $0 == name || $0.hasSuffix("." + name) || $0.hasSuffix(":" + name) }) { return key }
        }
        return nil
    }

    /// The table as JSON: `{"sort_by", "order", "experiments": [{name, run, status, created, params, metrics}]}`.
    package var json: JSONValue {
        .object([
            ("sort_by", sortedBy.map { .string($0.key) } ?? .null),
            ("order", sortedBy.map { .string($0.order.rawValue) } ?? .null),
            ("experiments", .array(rows.map { row in
                .object([
                    ("name", .string(row.name)), ("run", .string(row.run)), ("status", .string(row.status.rawValue)),
                    ("created", .string(Timestamp.string(row.created))),
                    ("params", .object(row.params)), ("metrics", row.metrics.json),
                ])
            })),
        ])
    }
}
