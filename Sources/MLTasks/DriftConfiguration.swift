import Basics

/// The `drift` section of params.yaml: which test decides per column type, the
/// thresholds, and the rule that grades a data set (documented in the README from
/// `options`). Every option has a default, in the spirit of Evidently's.
package struct DriftConfiguration: Sendable {
    /// The tests a numeric column can be decided by.
    package static let numericMethods = ["auto", "ks", "wasserstein", "psi", "js"]
    /// The tests a categorical (or boolean) column can be decided by.
    package static let categoricalMethods = ["auto", "chi2", "chi2_contingency", "psi", "js"]

    /// Every option, declared once: name, default, help.
    package static let options: [(name: String, defaultValue: String, help: String)] = [
        ("numeric_method", "auto", "the test that decides a numeric column: \(numericMethods.joined(separator: ", ")); auto: ks up to auto_size reference rows, else wasserstein"),
        ("categorical_method", "auto", "the test that decides a categorical or boolean column: \(categoricalMethods.joined(separator: ", ")); auto: chi2 (goodness of fit) up to auto_size reference rows, else js"),
        ("auto_size", "1000", "reference rows up to which auto picks a statistical test rather than a distance"),
        ("p_value", "0.05", "a test's p-value below this is drift (ks, chi2, chi2_contingency)"),
        ("distance", "0.1", "a distance at or above this is drift (wasserstein normalised by the reference's standard deviation, js)"),
        ("psi_moderate", "0.1", "a PSI at or above this is drift (psi method)"),
        ("psi_severe", "0.25", "a drifted column whose PSI reaches this is severe"),
        ("missing_rate_change", "0.15", "a change of the missing rate by this much (0.15 = 15 points) is drift; twice as much is severe"),
        ("severe_share", "0.3", "the data set is severe when this share of its columns drifted (or one is severe, or the predictions or target drifted)"),
        ("critical_share", "0.5", "the data set is critical when this share of its columns drifted"),
        ("correction", "none", "none, or bonferroni: the p-value threshold divided by the number of columns tested"),
    ]

    /// The numeric test.
    package var numericMethod = "auto"
    /// The categorical test.
    package var categoricalMethod = "auto"
    /// Reference rows up to which `auto` picks a test.
    package var autoSize = 1000
    /// The p-value threshold (before correction).
    package var pValue = 0.05
    /// The distance threshold.
    package var distance = 0.1
    /// PSI at which a column drifts.
    package var psiModerate = 0.1
    /// PSI at which a drifted column is severe.
    package var psiSevere = 0.25
    /// Missing-rate change that is drift.
    package var missingRateChange = 0.15
    /// Share of drifted columns at which the data set is severe.
    package var severeShare = 0.3
    /// Share of drifted columns at which the data set is critical.
    package var criticalShare = 0.5
    /// Whether p-value thresholds are divided by the number of columns.
    package var bonferroni = false

    /// The defaults.
    package init() {}

    /// Reads the section, with located errors.
    package init(_ section: ParamsSection) throws {
        try section.checkKeys(Self.options.map(\.name))
        numericMethod = try section.string("numeric_method", default: "auto", choices: Self.numericMethods) ?? "auto"
        categoricalMethod = try section.string("categorical_method", default: "auto", choices: Self.categoricalMethods) ?? "auto"
        autoSize = try section.int("auto_size", default: 1000, in: 0...Int.max)
        pValue = try section.double("p_value", default: 0.05, in: 0...1)
        distance = try section.double("distance", default: 0.1, in: 0 ... .infinity)
        psiModerate = try section.double("psi_moderate", default: 0.1, in: 0 ... .infinity)
        psiSevere = try section.double("psi_severe", default: 0.25, in: 0 ... .infinity)
        missingRateChange = try section.double("missing_rate_change", default: 0.15, in: 0...1)
        severeShare = try section.double("severe_share", default: 0.3, in: 0...1)
        criticalShare = try section.double("critical_share", default: 0.5, in: 0...1)
        bonferroni = try section.string("correction", default: "none", choices: ["none", "bonferroni"]) == "bonferroni"
    }
}
