import Basics
import Tabular
import Testing

@Suite struct TargetEncoderTests {
    @Test func smoothedMeansByHand() throws {
        // prior = (1 + 3 + 8) / 3 = 4; a: (1 + 3 + 2·4) / (2 + 2) = 3; b: (8 + 2·4) / 3 = 16/3.
        let column = CategoryColumn(["a", "a", "b"])
        let fitted = TargetEncoder(smoothing: 2).fit(column, target: [1, 3, 8])
        #expect(fitted.prior == 4)
        #expect(fitted.means == ["a": 3, "b": 16.0 / 3])
        #expect(try fitted.transform(CategoryColumn(["b", "", "z"]), name: "c") == [16.0 / 3, 4, 4])
        #expect(throws: Diagnostic.self) {
            try TargetEncoder(handleUnknown: .error).fit(column, target: [1, 3, 8]).transform(CategoryColumn(["z"]), name: "c")
        }
    }

    @Test func outOfFoldValuesComeFromTheOtherFolds() throws {
        // Two folds of two rows: each row's value is fitted on the rows of the other fold only.
        let column = CategoryColumn(["a", "a", "a", "a"])
        let target: [Double] = [0, 1, 100, 1_000]
        let (_, encoded) = try TargetEncoder(folds: 2, smoothing: 0).fitOutOfFold(column, target: target, name: "c")
        let values = try #require(encoded.numericValues)
        // With m = 0 a row gets the mean of the other fold: the values average the target's
        // mean, and none is its own target (no two of these targets average a third).
        #expect(values.reduce(0, +) / 4 == 275.25)
        for (value, own) in zip(values, target) { #expect(value != own) }
    }

    /// Categories that are nearly unique per row: in-sample target encoding copies the
    /// target into the feature (correlation near 1); out-of-fold encoding must not.
    @Test func outOfFoldEncodingDoesNotLeak() throws {
        var generator = SeededGenerator(seed: 7)
        let rows = 400
        let values = (0..<rows).map { "id\($0 / 2)" }
        let target = (0..<rows).map { _ in generator.nextUnit() }
        let column = CategoryColumn(values)
        let (fitted, encoded) = try TargetEncoder(folds: 5, smoothing: 1).fitOutOfFold(column, target: target, name: "id")
        let outOfFold = try #require(encoded.numericValues)
        let inSample = try fitted.transform(column, name: "id")
        #expect(Self.correlation(inSample, target) > 0.6)  // the leak the out-of-fold fit avoids
        #expect(abs(Self.correlation(outOfFold, target)) < 0.2)
    }

    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxy = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +), syy = y.map { ($0 - my) * ($0 - my) }.reduce(0, +)
        return sxy / (sxx * syy).squareRoot()
    }
}
