/// Feature importance by XGBoost's definitions (`Booster.get_score(importance_type=…)`).
extension Booster {
    /// One feature's importance over every split of every tree.
    package struct FeatureImportance: Sendable, Equatable {
        /// The feature's name.
        package var feature: String
        /// How many splits test the feature (`weight`).
        package var weight: Int
        /// The summed gain (loss change) of those splits (`total_gain`).
        package var totalGain: Double
        /// The summed cover (hessian sum of the rows reaching them) of those splits (`total_cover`).
        package var totalCover: Double

        /// The mean gain per split (`gain`); 0 for an unused feature.
        package var gain: Double { weight == 0 ? 0 : totalGain / Double(weight) }
        /// The mean cover per split (`cover`); 0 for an unused feature.
        package var cover: Double { weight == 0 ? 0 : totalCover / Double(weight) }
    }

    /// Every feature's importance, in feature order (unused features with weight 0,
    /// which XGBoost's `get_score` leaves out). Sums are taken in Double over the
    /// float32 values the model file holds, as XGBoost sums them.
    package var importance: [FeatureImportance] {
        var rows = featureNames.map { FeatureImportance(feature: $0, weight: 0, totalGain: 0, totalCover: 0) }
        for tree in trees {
            for node in tree.nodes where !node.isLeaf && rows.indices.contains(Int(node.feature)) {
                rows[Int(node.feature)].weight += 1
                rows[Int(node.feature)].totalGain += Double(node.lossChange)
                rows[Int(node.feature)].totalCover += Double(node.sumHessian)
            }
        }
        return rows
    }
}
