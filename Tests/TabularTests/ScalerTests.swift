import Basics
import Tabular
import Testing

@Suite struct ScalerTests {
    static func train() throws -> Table {
        try Table([("x", .numeric([1, 2, .nan, 3, 4])), ("c", .numeric([5, 5, 5, 5, 5])), ("t", .category(strings: ["a", "b", "c", "d", "e"]))])
    }

    @Test(arguments: [
        (Scaler.Kind.standard, ScalingParameters(center: 2.5, scale: 1.118033988749895), ScalingParameters(center: 5, scale: 1)),
        (.minmax, ScalingParameters(center: 1, scale: 3), ScalingParameters(center: 5, scale: 1)),
        (.robust, ScalingParameters(center: 2.5, scale: 1.5), ScalingParameters(center: 5, scale: 1)),
        (.none, ScalingParameters(center: 0, scale: 1), ScalingParameters(center: 0, scale: 1)),
    ])
    func learnsCenterAndScale(kind: Scaler.Kind, x: ScalingParameters, constant: ScalingParameters) throws {
        let fitted = try Scaler(kind).fit(Self.train())
        #expect(fitted.parameters == ["x": x, "c": constant])
        #expect(fitted.centers["x"] == x.center)
        #expect(fitted.scales["c"] == constant.scale)
    }

    @Test func rebuildsFromStoredCentersAndScales() throws {
        let fitted = try Scaler(.robust).fit(Self.train())
        #expect(FittedScaler(kind: .robust, centers: fitted.centers, scales: fitted.scales) == fitted)
        #expect(FittedScaler(kind: .robust, centers: ["x": 1], scales: ["y": 1]) == nil)
        #expect(FittedScaler(kind: .robust, centers: ["x": 1], scales: ["x": 0]) == nil)
    }

    @Test func transformsAndInverts() throws {
        let fitted = try Scaler(.minmax).fit(Self.train())
        let scaled = try fitted.transform(Self.train())
        #expect(scaled["x"] == .numeric([0, 1.0 / 3, .nan, 2.0 / 3, 1]))
        #expect(scaled["c"] == .numeric([0, 0, 0, 0, 0]))
        #expect(scaled["t"] == (try Self.train())["t"])
        let restored = try fitted.inverseTransform(scaled)
        #expect(restored["c"] == .numeric([5, 5, 5, 5, 5]))
        let x = try restored.numericColumn(named: "x")
        #expect(zip(x, [1, 2, .nan, 3, 4]).allSatisfy { abs($0 - $1) < 1e-12 || ($0.isNaN && $1.isNaN) })
    }

    @Test func appliesTrainingParametersToOtherTables() throws {
        let fitted = try Scaler(.standard).fit(Self.train(), columns: ["x"])
        let test = try Table([("x", .numeric([2.5, 3.618033988749895]))])
        #expect(try fitted.transform(test)["x"] == .numeric([0, 1]))
        #expect(throws: Diagnostic.self) { try fitted.transform(Table([("y", .numeric([1]))])) }
    }

    @Test func refusesWhatItCannotFit() throws {
        #expect(throws: Diagnostic.self) { try Scaler(.standard).fit(Self.train(), columns: ["t"]) }
        let error = #expect(throws: Diagnostic.self) { try Scaler(.robust).fit(Table([("e", .numeric([.nan]))])) }
        #expect(error?.message == "column 'e' has no values to fit a robust scaler on")
    }

    @Test func clipsOutliersToTrainingBounds() throws {
        let table = try Table([("v", .numeric([3.1, 0.2, 7.7, 1.5, 9.0, 2.2, 4.4]))])
        let iqr = try OutlierClipper(.iqr()).fit(table)
        // NumPy: Q1 = 1.85, Q3 = 6.050000000000001; q1 - 1.5 * iqr and q3 + 1.5 * iqr as NumPy computes them.
        #expect(iqr.bounds["v"] == -4.450000000000001...12.350000000000001)
        let tight = try OutlierClipper(.iqr(k: 0)).fit(table)
        #expect(try tight.transform(Table([("v", .numeric([0, 5, 100, .nan]))]))["v"]
            == .numeric([1.85, 5, 6.050000000000001, .nan]))
        let z = try OutlierClipper(.zscore(threshold: 1)).fit(Table([("v", .numeric([1, 2, 3, 4]))]))
        #expect(z.bounds["v"] == (2.5 - 1.118033988749895)...(2.5 + 1.118033988749895))
        #expect(z.lowerBounds == ["v": 2.5 - 1.118033988749895])
        #expect(z.upperBounds == ["v": 2.5 + 1.118033988749895])
        #expect(try z.transform(Table([("v", .numeric([-10, 3, 10]))]))["v"]
            == .numeric([2.5 - 1.118033988749895, 3, 2.5 + 1.118033988749895]))
    }
}
