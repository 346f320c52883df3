import Basics
import Drift

/// The drift of one column: every statistic that applies to its kind, the test that
/// decided, and the verdict.
package struct FeatureDrift: Sendable {
    /// The column.
    package var name: String
    /// `numeric`, `categorical` or `boolean`.
    package var kind: String
    /// The test that decided (`ks`, `wasserstein`, `psi`, `js`, `chi2`, `chi2_contingency`, `missing_rate`).
    package var test: String
    /// Whether the column drifted.
    package var drift = false
    /// How badly.
    package var level = DriftLevel.none
    /// The deciding value (a p-value or a distance) and the threshold it was held to.
    package var decidingValue: Double?
    /// The threshold the deciding value was held to.
    package var threshold: Double?
    /// Kolmogorov–Smirnov statistic and p-value (numeric).
    package var ksStatistic: Double?
    /// Kolmogorov–Smirnov p-value (numeric).
    package var ksPValue: Double?
    /// PSI over decile bins or categories.
    package var psi: Double?
    /// Wasserstein distance over the reference's standard deviation (numeric).
    package var wasserstein: Double?
    /// Jensen–Shannon distance (base 2).
    package var js: Double?
    /// Chi-squared p-value (goodness of fit, or contingency when that method is chosen).
    package var chi2PValue: Double?
    /// Missing rate of the reference.
    package var missingRateReference: Double
    /// Missing rate of the current data.
    package var missingRateCurrent: Double
    /// Why a statistic is absent or special (a constant reference column).
    package var note: String?
    /// The two distributions as shares per bin (numeric: the reference's decile bins)
    /// or per category, for pictures; not part of the report's JSON.
    package var distribution: (labels: [String], reference: [Double], current: [Double])?

    /// The report's member for the column: keys that do not apply are absent.
    package var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("type", .string(kind)), ("drift", .bool(drift)), ("level", .string(level.rawValue)), ("test", .string(test)),
        ]
        let optional: [(String, Double?)] = [
            ("value", decidingValue), ("threshold", threshold), ("ks_statistic", ksStatistic), ("ks_pvalue", ksPValue),
            ("psi", psi), ("wasserstein", wasserstein), ("js", js), ("chi2_pvalue", chi2PValue),
        ]
        for (key, value) in optional { if let value, value.isFinite { members.append((key, .double(value))) } }
        members.append(("missing_rate_reference", .double(missingRateReference)))
        members.append(("missing_rate_current", .double(missingRateCurrent)))
        if let note { members.append(("note", .string(note))) }
        return .object(members)
    }

    /// The flat metrics of the column (`drift.<name>.psi`, …).
    package var metrics: [(key: String, value: Double)] {
        [("psi", psi), ("wasserstein", wasserstein), ("js", js), ("ks_pvalue", ksPValue), ("chi2_pvalue", chi2PValue)]
            .compactMap { key, value in value.flatMap { $0.isFinite ? ("drift.\(name).\(key)", $0) : nil } }
    }
}
