import Basics
import Charts
import Drift

extension DriftConfiguration {
    /// The p-value threshold for `tested` columns (Bonferroni: divided by their number).
    func alpha(tested: Int) -> Double { bonferroni && tested > 1 ? pValue / Double(tested) : pValue }

    /// The drift of a numeric column: every statistic, decided by `numericMethod`.
    func numeric(_ name: String, reference: NumericReference, current: NumericSample, alpha: Double) -> FeatureDrift {
        let method = numericMethod == "auto" ? (reference.count <= autoSize ? "ks" : "wasserstein") : numericMethod
        var feature = FeatureDrift(name: name, kind: "numeric", test: method,
                                   missingRateReference: reference.missingRate, missingRateCurrent: current.missingRate)
        let ks = reference.kolmogorovSmirnov(current)
        feature.ksStatistic = ks?.statistic
        feature.ksPValue = ks?.pValue
        if let bins = reference.bins {
            // One count of the current values per bin serves PSI, Jensen–Shannon and the picture.
            let referenceCounts = bins.referenceCounts.map(Double.init), currentCounts = bins.currentCounts(current).map(Double.init)
            feature.psi = PopulationStabilityIndex.index(referenceCounts: referenceCounts, currentCounts: currentCounts)
            feature.js = JensenShannon.distance(referenceCounts: referenceCounts, currentCounts: currentCounts)
            feature.distribution = Self.distribution(bins, referenceCounts: referenceCounts, currentCounts: currentCounts)
        }
        let wasserstein = reference.wasserstein(current)
        feature.wasserstein = wasserstein?.normalized
        if wasserstein?.referenceStandardDeviation == 0 {
            feature.note = "the reference column is constant: " + (wasserstein?.note ?? "its spread cannot scale a distance")
        }
        switch method {
        case "ks": decide(&feature, pValue: feature.ksPValue, alpha: alpha)
        case "psi": decide(&feature, distance: feature.psi, threshold: psiModerate)
        case "js": decide(&feature, distance: feature.js, threshold: distance)
        default: decide(&feature, distance: feature.wasserstein, threshold: distance)
        }
        return finished(feature)
    }

    /// The drift of a categorical or boolean column, decided by `categoricalMethod`.
    func categorical(_ name: String, reference: CategoricalSample, current: CategoricalSample, boolean: Bool, alpha: Double) -> FeatureDrift {
        let method = categoricalMethod == "auto" ? (reference.count <= autoSize ? "chi2" : "js") : categoricalMethod
        var feature = FeatureDrift(name: name, kind: boolean ? "boolean" : "categorical", test: method,
                                   missingRateReference: reference.missingRate, missingRateCurrent: current.missingRate)
        let chi2 = method == "chi2_contingency"
            ? ChiSquaredTest.contingency(reference: reference, current: current)
            : ChiSquaredTest.goodnessOfFit(reference: reference, current: current)
        feature.chi2PValue = chi2?.pValue
        feature.psi = PopulationStabilityIndex.index(reference: reference, current: current)
        feature.js = JensenShannon.distance(reference: reference, current: current)
        feature.distribution = Self.distribution(reference, current)
        if reference.counts.count == 1 { feature.note = "the reference column holds one category" }
        switch method {
        case "chi2", "chi2_contingency": decide(&feature, pValue: feature.chi2PValue, alpha: alpha)
        case "psi": decide(&feature, distance: feature.psi, threshold: psiModerate)
        default: decide(&feature, distance: feature.js, threshold: distance)
        }
        return finished(feature)
    }

    /// Shares of the reference and the current data in the reference's decile bins, labelled by their bounds.
    static func distribution(_ bins: QuantileBins, referenceCounts: [Double], currentCounts: [Double]) -> (labels: [String], reference: [Double], current: [Double]) {
        let edges = bins.edges.map { NumberFormat.human($0, significantDigits: 3) }
        let labels = edges.indices.map { index in index == 0 ? "≤ \(edges[0])" : "\(edges[index - 1])–\(edges[index])" }
            + ["> \(edges.last ?? "")"]
        return (labels, shares(referenceCounts), shares(currentCounts))
    }

    /// Shares per category, the reference's most frequent first, at most 20 (the rest as one bar).
    static func distribution(_ reference: CategoricalSample, _ current: CategoricalSample) -> (labels: [String], reference: [Double], current: [Double]) {
        var names = CategoricalSample.categories(reference, current)
        names.sort { (reference.counts[$0] ?? 0, current.counts[$0] ?? 0) > (reference.counts[$1] ?? 0, current.counts[$1] ?? 0) }
        let shown = Array(names.prefix(20)), rest = names.dropFirst(20)
        func values(_ sample: CategoricalSample) -> [Double] {
            shown.map { Double(sample.counts[$0] ?? 0) } + (rest.isEmpty ? [] : [Double(rest.reduce(0) { $0 + (sample.counts[$1] ?? 0) })])
        }
        let labels = shown.map { $0 == CategoricalProfile.otherName ? "(other)" : $0 } + (rest.isEmpty ? [] : ["(\(rest.count) more)"])
        return (labels, shares(values(reference)), shares(values(current)))
    }

    private static func shares(_ counts: [Double]) -> [Double] {
        let total = counts.reduce(0, +)
        return total > 0 ? counts.map { $0 / total } : counts
    }

    private func decide(_ feature: inout FeatureDrift, pValue: Double?, alpha: Double) {
        feature.decidingValue = pValue
        feature.threshold = alpha
        feature.drift = pValue.map { $0 < alpha } ?? false
    }

    private func decide(_ feature: inout FeatureDrift, distance: Double?, threshold: Double) {
        feature.decidingValue = distance
        feature.threshold = threshold
        feature.drift = distance.map { $0 >= threshold } ?? false
    }

    /// The missing-rate rule and the column's level: a column whose values keep their
    /// shape but go missing much more (or less) often has drifted too.
    private func finished(_ given: FeatureDrift) -> FeatureDrift {
        var feature = given
        let change = abs(feature.missingRateCurrent - feature.missingRateReference)
        if !feature.drift && change >= missingRateChange && missingRateChange > 0 {
            feature.drift = true
            feature.test = "missing_rate"
            feature.decidingValue = change
            feature.threshold = missingRateChange
        }
        guard feature.drift else { return feature }
        let severe = (feature.psi ?? 0) >= psiSevere || (missingRateChange > 0 && change >= 2 * missingRateChange)
        feature.level = severe ? .severe : .moderate
        return feature
    }

    /// The data set's level and the share of `features` that drifted; drift of the
    /// predictions or the target (`outputs`) makes it at least severe.
    func level(features: [FeatureDrift], outputs: [FeatureDrift]) -> (level: DriftLevel, share: Double) {
        let drifted = features.filter(\.drift).count
        let share = features.isEmpty ? 0 : Double(drifted) / Double(features.count)
        var level = DriftLevel.none
        if drifted > 0 { level = .moderate }
        if drifted > 0 && (share >= severeShare || features.contains { $0.level >= .severe }) { level = .severe }
        if outputs.contains(where: \.drift) { level = max(level, .severe) }
        if drifted > 0 && share >= criticalShare { level = .critical }
        return (level, share)
    }
}
