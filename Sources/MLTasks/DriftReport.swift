import Basics

/// What `ml drift` found: the level, the share of drifted columns, each column's
/// drift (most severe first), and the drift of the predictions and the target.
///
/// Its JSON (`--report`) is a contract other tools read:
/// `{"level", "share", "drifted": [names], "features": {NAME: FeatureDrift.json},
/// "prediction"?, "target"?, "columns_only_in_reference", "columns_only_in_current",
/// "rows": {"reference", "current"}, "metrics": {"drift.share", "drift.level", …}}`.
package struct DriftReport: Sendable {
    /// The data set's level.
    package var level: DriftLevel
    /// The share of compared columns that drifted.
    package var share: Double
    /// Each compared column, most severe first.
    package var features: [FeatureDrift]
    /// The drift of the model's predictions (with `--model` and reference rows).
    package var prediction: FeatureDrift?
    /// The drift of the target (when both sides have it).
    package var target: FeatureDrift?
    /// Columns the current data lacks.
    package var onlyInReference: [String]
    /// Columns the reference lacks.
    package var onlyInCurrent: [String]
    /// Reference rows.
    package var referenceRows: Int
    /// Current rows.
    package var currentRows: Int
    /// What a person should know (a statistic that could not be computed).
    package var notes: [String]

    /// The names of the drifted columns.
    package var drifted: [String] { features.filter(\.drift).map(\.name) }

    /// The flat metrics, DVC-style: `drift.share`, `drift.level` (0 none … 3 critical),
    /// `drift.drifted`, and per column `drift.<name>.psi`, `.wasserstein`, `.js`, `.ks_pvalue`, `.chi2_pvalue`.
    package var metrics: [(key: String, value: Double)] {
        [("drift.share", share), ("drift.level", Double(level.rank)), ("drift.drifted", Double(drifted.count))]
            + ([prediction, target].compactMap { $0 } + features).flatMap(\.metrics)
    }

    /// The report as JSON.
    package var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("level", .string(level.rawValue)), ("share", .double(share)), ("drifted", .array(drifted.map(JSONValue.string))),
            ("features", .object(features.map { ($0.name, $0.json) })),
        ]
        if let prediction { members.append(("prediction", prediction.json)) }
        if let target { members.append(("target", target.json)) }
        members += [
            ("columns_only_in_reference", .array(onlyInReference.map(JSONValue.string))),
            ("columns_only_in_current", .array(onlyInCurrent.map(JSONValue.string))),
            ("rows", .object([("reference", .int(referenceRows)), ("current", .int(currentRows))])),
            ("metrics", .object(metrics.map { ($0.key, .double($0.value)) })),
        ]
        if !notes.isEmpty { members.append(("notes", .array(notes.map(JSONValue.string)))) }
        return .object(members)
    }
}
