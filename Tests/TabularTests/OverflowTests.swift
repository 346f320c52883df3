import Tabular
import Testing

private let largest = Double.greatestFiniteMagnitude

/// Statistics and fitted parameters of finite values near the largest Double: the
/// plain arithmetic overflows (1e308 + 1e308, a square beyond 1e308) where the result
/// does not; they must come out finite, and close to exact.
@Suite struct OverflowTests {

    @Test func meanOfValuesWhoseSumOverflows() {
        #expect(Statistics.mean([1e308, 1e308, .nan]) == 1e308)
        #expect(Statistics.mean([largest, largest, largest]) == largest)
        #expect(Statistics.mean([1e308, 1e308, -1e308, -1e308]) == 0)
        // Infinite inputs still have infinite means.
        #expect(Statistics.mean([.infinity, 1]) == .infinity)
        #expect(Statistics.mean([.infinity, -.infinity]).isNaN)
    }

    @Test func standardDeviationOfSpreadsBeyondTheSquareRootOfTheLargest() {
        let deviation = Statistics.standardDeviation([1e308, -1e308])
        #expect(abs(deviation - 1e308) <= 1e308 * 1e-15)
        #expect(abs(Statistics.standardDeviation([1e200, -1e200, 1e200, -1e200]) - 1e200) <= 1e200 * 1e-15)
        #expect(Statistics.standardDeviation([largest, -largest]).isFinite)
        #expect(Statistics.standardDeviation([1, 2, 3, 4]) == 1.118033988749895)  // unchanged where nothing overflows
    }

    @Test func mediansAndQuantilesBetweenValuesOfOppositeSign() {
        #expect(Statistics.median([largest, largest]) == largest)
        #expect(Statistics.median([-largest, largest]) == 0)
        #expect(Statistics.median([1e308, 1.5e308]) == 1.25e308)
        let quartile = Statistics.quantile([-largest, largest], 0.25)
        #expect(quartile.isFinite && abs(quartile + largest / 2) <= largest * 1e-15)
    }

    @Test(arguments: Scaler.Kind.allCases)
    func scalersOfExtremeColumnsAreFinite(kind: Scaler.Kind) throws {
        let values = [-largest, -1e308, 0, 1, 1e308, largest, .nan]
        let table = try Table([("x", .numeric(values))])
        let scaler = try Scaler(kind).fit(table)
        let parameters = try #require(scaler.parameters["x"])
        #expect(parameters.center.isFinite && parameters.scale.isFinite && parameters.scale != 0)
        let scaled = try scaler.transform(table).numericColumn(named: "x")
        #expect(scaled.dropLast().allSatisfy { $0.isFinite }, "\(scaled)")
        let restored = try scaler.inverseTransform(scaler.transform(table)).numericColumn(named: "x")
        for (before, after) in zip(values.dropLast(), restored) {
            #expect(after.isFinite && abs(after - before) <= largest * 1e-12, "\(before) -> \(after)")
        }
    }

    @Test(arguments: [OutlierClipper.Method.iqr(k: 1.5), .iqr(k: 0), .iqr(k: 1e300), .zscore(threshold: 3), .zscore(threshold: 1e300)])
    func clippingBoundsOfExtremeColumnsAreFinite(method: OutlierClipper.Method) throws {
        let table = try Table([("x", .numeric([-largest, -1e308, 0, 1e308, largest]))])
        let clipper = try OutlierClipper(method).fit(table)
        let bounds = try #require(clipper.bounds["x"])
        #expect(bounds.lowerBound.isFinite && bounds.upperBound.isFinite)
    }

    @Test func scalingParametersDivideBeforeSubtractingWhereTheDifferenceOverflows() {
        let parameters = ScalingParameters(center: -1e308, scale: 1e308)
        #expect(parameters.apply(1e308) == 2)
        #expect(parameters.apply(0) == 1)  // unchanged where nothing overflows
        #expect(ScalingParameters(center: -1e308, scale: 2).invert(1e308) == 1e308)
    }
}
