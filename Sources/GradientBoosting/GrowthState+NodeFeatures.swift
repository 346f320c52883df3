import Basics

/// `colsample_bynode`: each node's split chooses among a random share of the tree's features.
extension GrowthState {
    /// `features`, or `share` of them (at least one, as XGBoost's `ColSample` counts
    /// them: the share times the count, rounded down), drawn for `node` from `seed` and
    /// kept in feature order. The draw depends only on the seed and the node's id, so a
    /// node sees the same features for any thread count.
    static func nodeFeatures(_ features: [Int], share: Double, seed: UInt64, node: Int) -> [Int] {
        guard share < 1, features.count > 1 else { return features }
        let keep = max(1, Int(share * Double(features.count)))
        var generator = SeededGenerator(seed: seed &+ UInt64(node) &* 0x9E37_79B9_7F4A_7C15)
        var order = features
        generator.shuffle(&order)
        return order.prefix(keep).sorted()
    }
}
