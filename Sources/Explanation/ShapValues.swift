/// SHAP values of a batch of rows: per row one value per feature and the bias, in
/// margin space, so that each row's values add up to its margin (raw score), as
/// XGBoost's `pred_contribs=True` returns them.
package struct ShapValues: Sendable, Equatable {
    /// The model's feature names, in column order.
    package let featureNames: [String]
    /// The number of rows.
    package let rowCount: Int
    /// Row-major float32 values, `featureNames.count + 1` per row: the features', then the bias.
    package let values: [Float]

    /// Values for `rowCount` rows laid out as `values` says.
    package init(featureNames: [String], rowCount: Int, values: [Float]) {
        self.featureNames = featureNames
        self.rowCount = rowCount
        self.values = values
    }

    /// Values per row: the features' and the bias.
    package var columnCount: Int { featureNames.count + 1 }

    /// The SHAP value of `feature` for `row`; `feature == featureNames.count` is the bias.
    @inline(__always)
    package subscript(row: Int, feature: Int) -> Float { values[row * columnCount + feature] }

    /// The bias of every row: the base margin plus each tree's cover-weighted mean leaf
    /// (XGBoost's expected value), the same for all rows.
    package func bias(row: Int) -> Float { self[row, featureNames.count] }

    /// One feature's values over the rows (`featureNames.count` gives the bias).
    package func column(_ feature: Int) -> [Float] {
        (0..<rowCount).map { self[$0, feature] }
    }

    /// The mean absolute SHAP value of each feature over the rows: the global importance
    /// that summary plots rank features by (0 for every feature when there are no rows).
    package var meanAbsolute: [Double] {
        var sums = [Double](repeating: 0, count: featureNames.count)
        for row in 0..<rowCount {
            for feature in featureNames.indices { sums[feature] += Double(abs(self[row, feature])) }
        }
        return rowCount == 0 ? sums : sums.map { $0 / Double(rowCount) }
    }
}
