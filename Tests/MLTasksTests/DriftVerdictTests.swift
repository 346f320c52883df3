import Drift
import Testing
@testable import MLTasks

/// How `ml drift` decides a column and grades a data set (the README's rule).
@Suite struct DriftVerdictTests {
    private let configuration = DriftConfiguration()

    private func feature(_ name: String, drift: Bool, level: DriftLevel = .moderate) -> FeatureDrift {
        var feature = FeatureDrift(name: name, kind: "numeric", test: "ks", missingRateReference: 0, missingRateCurrent: 0)
        feature.drift = drift
        feature.level = drift ? level : .none
        return feature
    }

    @Test func levelsFollowTheShareOfDriftedColumnsAndTheWorstColumn() {
        let ten = (0..<10).map { feature("f\($0)", drift: false) }
        #expect(configuration.level(features: ten, outputs: []).level == .none)
        var some = ten
        some[0] = feature("f0", drift: true)
        #expect(configuration.level(features: some, outputs: []) == (.moderate, 0.1))
        some[1] = feature("f1", drift: true)
        some[2] = feature("f2", drift: true)
        #expect(configuration.level(features: some, outputs: []).level == .severe)  // share 0.3
        var one = ten
        one[0] = feature("f0", drift: true, level: .severe)
        #expect(configuration.level(features: one, outputs: []).level == .severe)  // one severe column
        #expect(configuration.level(features: ten, outputs: [feature("prediction", drift: true)]).level == .severe)
        let half = (0..<10).map { feature("f\($0)", drift: $0 < 5) }
        #expect(configuration.level(features: half, outputs: []).level == .critical)
    }

    @Test func aShiftedColumnDriftsByKSAndAStableOneDoesNot() {
        let reference = NumericSample((0..<500).map { Double($0 % 50) })
        let shifted = NumericSample((0..<200).map { Double($0 % 50) + 10 })
        let same = NumericSample((0..<200).map { Double(($0 * 7) % 50) })
        let drifted = configuration.numeric("x", reference: .sample(reference), current: shifted, alpha: 0.05)
        #expect(drifted.drift && drifted.test == "ks" && (drifted.ksPValue ?? 1) < 1e-3)
        #expect(drifted.level == .severe)  // PSI far above 0.25
        let stable = configuration.numeric("x", reference: .sample(reference), current: same, alpha: 0.05)
        #expect(!stable.drift && stable.level == .none)
    }

    @Test func autoPicksWassersteinForLargeReferences() {
        let reference = NumericSample((0..<2_000).map { Double($0 % 100) })
        let feature = configuration.numeric("x", reference: .sample(reference), current: NumericSample([1, 2, 3]), alpha: 0.05)
        #expect(feature.test == "wasserstein" && feature.threshold == 0.1)
    }

    @Test func moreMissingValuesAloneAreDrift() {
        let values = (0..<400).map { Double($0 % 40) }
        let current = values.enumerated().map { $0.offset % 4 == 0 ? Double.nan : $0.element }  // 25% missing
        let feature = configuration.numeric("x", reference: .sample(NumericSample(values)), current: NumericSample(current), alpha: 0.05)
        #expect(feature.drift && feature.test == "missing_rate")
        #expect(feature.missingRateCurrent == 0.25 && feature.missingRateReference == 0)
    }

    @Test func aConstantReferenceColumnGetsANoteNotADivisionByZero() {
        let feature = configuration.numeric("c", reference: .sample(NumericSample([3, 3, 3, 3])), current: NumericSample([3, 4]), alpha: 0.05)
        #expect(feature.note?.contains("constant") == true)
        #expect(feature.wasserstein?.isFinite == true)
    }

    @Test func anUnseenCategoryIsDriftByChiSquared() {
        let reference = CategoricalSample(counts: ["a": 60, "b": 40])
        let current = CategoricalSample(counts: ["a": 30, "b": 20, "z": 50])
        let feature = configuration.categorical("g", reference: reference, current: current, boolean: false, alpha: 0.05)
        #expect(feature.drift && feature.test == "chi2" && feature.kind == "categorical")
        let same = configuration.categorical("g", reference: reference, current: CategoricalSample(counts: ["a": 30, "b": 20]),
                                             boolean: false, alpha: 0.05)
        #expect(!same.drift)
    }

    @Test func bonferroniDividesTheThreshold() {
        var corrected = DriftConfiguration()
        corrected.bonferroni = true
        #expect(corrected.alpha(tested: 10) == 0.005)
        #expect(configuration.alpha(tested: 10) == 0.05)
    }
}
