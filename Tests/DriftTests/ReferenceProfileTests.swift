import Basics
import Drift
import Testing

/// The reference profile: exact where the column allows, within its stated bound
/// elsewhere, the same after a trip through its JSON form, and small at any row count.
@Suite struct ReferenceProfileTests {
    /// Fixture cases whose reference has few distinct values (all sizes up to 10⁴, and
    /// the 10⁶ tied column): the profile stores them exactly, so every statistic against
    /// it must equal scipy's on the raw column.
    static let exactCaseIndices = DriftFixtures.cases("numeric").indices.filter { index in
        let reference = DriftFixtures.cases("numeric")[index]["reference"]
        return (reference?.number("count") ?? 0) <= 1000 || reference?["shape"] == .string("ties")
    }

    @Test func someCasesAreExact() {
        #expect(Self.exactCaseIndices.count >= 6)
    }

    @Test(arguments: exactCaseIndices)
    func exactProfileGivesScipyResults(index: Int) throws {
        let fixture = DriftFixtures.cases("numeric")[index]
        let reference = DeterministicSample(try #require(fixture["reference"])).sample
        let current = DeterministicSample(try #require(fixture["current"])).sample
        var profile = ReferenceProfile()
        profile.addNumeric("x", reference)
        // Through the file form, as drift will read it.
        let reread = try ReferenceProfile(json: try JSONReader.parse(profile.jsonText), file: "profile.json")
        #expect(reread == profile)
        guard case .numeric(let column)? = reread["x"] else { throw ProfileTestError.missingColumn }
        #expect(column.sketch.isExact)
        let ks = try #require(column.kolmogorovSmirnov(current))
        let bounds = column.sketch.statisticBounds(to: current)
        #expect(bounds.upperBound - bounds.lowerBound <= 1e-15 && abs(bounds.lowerBound - ks.statistic) <= 1e-9)
        #expect(abs(ks.statistic - fixture.number("ks_statistic")) <= 1e-9, "\(fixture.name)")
        #expect(isClose(ks.pValue, fixture.number("ks_pvalue"), relative: 1e-6, absolute: 1e-300), "\(fixture.name)")
        let wasserstein = try #require(column.wasserstein(current))
        #expect(isClose(wasserstein.distance, fixture.number("wasserstein"), relative: 1e-9), "\(fixture.name)")
        #expect(isClose(column.standardDeviation, fixture.number("reference_std"), relative: 1e-9))
        #expect(isClose(try #require(column.populationStabilityIndex(current)), fixture.number("psi"), relative: 1e-9, absolute: 1e-15))
        #expect(isClose(try #require(column.jensenShannon(current)), fixture.number("js"), relative: 1e-9, absolute: 1e-12))
        #expect(isClose(column.missingRate, fixture.number("missing_rate_reference"), relative: 1e-15))
    }

    /// A continuous reference of 10⁶ values is sketched; against batches of 100 rows
    /// (the daily batch in the issue's loop) the p-value stays within 1e-3 of the exact
    /// one, and the statistic within the sketch's hard bound (the most rows between two knots).
    @Test(arguments: ["uniform", "square"])
    func sketchedPValueIsWithinTheBound(shape: String) throws {
        let reference = DeterministicSample(seed: 101, count: 1_000_000, shape: shape).sample
        var profile = ReferenceProfile()
        profile.addNumeric("x", reference)
        guard case .numeric(let column)? = profile["x"] else { throw ProfileTestError.missingColumn }
        #expect(!column.sketch.isExact)
        let knots = Double(column.sketch.knots.count)
        // Between two knots the reference CDF is only known to within the rows between them.
        let statisticBound = Double(column.sketch.betweenCounts.max() ?? 0) / Double(column.count)
        #expect(statisticBound <= 1.5 / (knots - 1))
        for (seed, shift) in [(102, 0.0), (103, 0.3), (104, 0.8), (105, 1.5), (106, 3.0)] {
            let current = DeterministicSample(seed: UInt64(seed), count: 100, shape: shape, shift: shift).sample
            let exact = try #require(KolmogorovSmirnov.test(reference: reference, current: current))
            let sketched = try #require(column.kolmogorovSmirnov(current))
            #expect(abs(sketched.statistic - exact.statistic) <= statisticBound)
            let statisticRange = column.sketch.statisticBounds(to: current)
            #expect(statisticRange.contains(exact.statistic) && statisticRange.contains(sketched.statistic))
            let pRange = try #require(column.kolmogorovSmirnovPValueBounds(current))
            #expect(pRange.lowerBound <= exact.pValue + 1e-12 && exact.pValue <= pRange.upperBound + 1e-12)
            #expect(abs(sketched.pValue - exact.pValue) <= 1e-3, "shift \(shift): \(sketched.pValue) vs \(exact.pValue)")
            let distance = try #require(Wasserstein.distance(reference: reference, current: current))
            let sketchedDistance = try #require(column.wasserstein(current)?.distance)
            #expect(abs(sketchedDistance - distance) <= 10 / (knots - 1), "Wasserstein within range/(K − 1)")
        }
    }

    /// 28 columns of 10⁵ rows whose values need the longest decimal form, plus a category
    /// column with 20,000 distinct long names: each column within its budget, the whole
    /// profile within 200 KB.
    @Test func profileStaysSmallAtAnyRowCount() throws {
        var profile = ReferenceProfile()
        for column in 0..<28 {
            let values = DeterministicSample(seed: UInt64(200 + column), count: 100_000, shape: "uniform").values
            profile.addNumeric("column \(column)", NumericSample(values.map { -($0 + 1) * 1.2345e-123 }))
        }
        let size = profile.jsonText.utf8.count
        #expect(size <= 200_000, "profile of 28 columns is \(size) bytes")
        for column in profile.columns {
            let text = JSONWriter(indent: nil, sortKeys: false).string(ReferenceProfile.json(column: column.column))
            #expect(text.utf8.count <= ReferenceProfile.columnByteBudget)
        }
        var categorical = ReferenceProfile()
        categorical.addCategorical("town", CategoricalSample((0..<20_000).map { "a rather long town name number \($0)" }))
        #expect(categorical.jsonText.utf8.count <= ReferenceProfile.columnByteBudget + 200)
        guard case .categorical(let towns)? = categorical["town"] else { throw ProfileTestError.missingColumn }
        #expect(towns.otherCount > 0)
        #expect(towns.categories.count + towns.otherCount == 20_000)
    }

    @Test func categoricalProfileFoldsUnknownCategoriesOnlyWhenItFoldedAny() throws {
        let complete = CategoricalProfile(CategoricalSample(["a", "a", "b", nil]), limit: 10)
        let current = CategoricalSample(["a", "c"])
        let (reference, same) = complete.comparable(with: current)
        #expect(reference.counts == ["a": 2, "b": 1] && reference.missingCount == 1)
        #expect(same == current)
        let folded = CategoricalProfile(CategoricalSample(["a", "a", "b", "d"]), limit: 1)
        let (foldedReference, foldedCurrent) = folded.comparable(with: current)
        #expect(foldedReference.counts == ["a": 2, CategoricalProfile.otherName: 2])
        #expect(foldedCurrent.counts == ["a": 1, CategoricalProfile.otherName: 1])
    }

    /// Infinities are kept in order as the largest finite doubles, since JSON cannot hold them.
    @Test func infiniteValuesRoundTrip() throws {
        var profile = ReferenceProfile()
        profile.addNumeric("x", NumericSample([-.infinity, 1, 2, .infinity, .nan]))
        let reread = try ReferenceProfile(json: try JSONReader.parse(profile.jsonText), file: "profile.json")
        #expect(reread == profile)
        guard case .numeric(let column)? = reread["x"] else { throw ProfileTestError.missingColumn }
        #expect(column.sketch.knots == [-Double.greatestFiniteMagnitude, 1, 2, Double.greatestFiniteMagnitude])
        #expect(column.missingRate == 0.2)
        #expect(column.kolmogorovSmirnov(NumericSample([1, 2]))?.statistic == 0.25)
    }

    @Test func emptyColumnsRoundTrip() throws {
        var profile = ReferenceProfile()
        profile.addNumeric("gone", NumericSample([.nan, .nan]))
        profile.addCategorical("none", CategoricalSample([String?]([nil])))
        let reread = try ReferenceProfile(json: try JSONReader.parse(profile.jsonText), file: "profile.json")
        #expect(reread == profile)
        guard case .numeric(let gone)? = reread["gone"] else { throw ProfileTestError.missingColumn }
        #expect(gone.count == 0 && gone.missingRate == 1)
        #expect(gone.kolmogorovSmirnov(NumericSample([1])) == nil)
        #expect(gone.wasserstein(NumericSample([1])) == nil)
        #expect(gone.populationStabilityIndex(NumericSample([1])) == nil)
    }

    @Test(arguments: [
        #"{"format": "other"}"#,
        #"{"format": "sluice-reference-profile", "version": 2, "columns": {}}"#,
        #"{"format": "sluice-reference-profile", "version": 1, "columns": {"x": {"type": "date"}}}"#,
        #"{"format": "sluice-reference-profile", "version": 1, "columns": {"x": {"type": "numeric", "count": 2, "missing": 0, "knots": [2, 1], "equal": [1, 1], "between": [0, 0]}}}"#,
        #"{"format": "sluice-reference-profile", "version": 1, "columns": {"x": {"type": "numeric", "count": 3, "missing": 0, "knots": [1, 2], "equal": [1, 1], "between": [0, 0]}}}"#,
        #"{"format": "sluice-reference-profile", "version": 1, "columns": {"x": {"type": "categorical", "missing": 0, "other": 0, "categories": {"a": -1}}}}"#,
        #"{"format": "sluice-reference-profile", "version": 1, "columns": {"x": {"type": "numeric", "count": 1, "missing": 0, "knots": [1, 2], "equal": [9223372036854775807, 9223372036854775807], "between": [0, 0]}}}"#,
        #"{"format": "sluice-reference-profile", "version": 1, "columns": {"x": {"type": "categorical", "missing": 9223372036854775807, "other": 9223372036854775807, "categories": {}}}}"#,
    ])
    func invalidFilesAreLocatedErrors(text: String) throws {
        let value = try JSONReader.parse(text)
        #expect(throws: Diagnostic.self) { try ReferenceProfile(json: value, file: "models/profile.json") }
        do {
            _ = try ReferenceProfile(json: value, file: "models/profile.json")
        } catch {
            #expect(error.message.contains("models/profile.json"))
            #expect(error.cause == .failure)
        }
    }
}

enum ProfileTestError: Error {
    case missingColumn
}
