import Basics

/// Draws which of `count` items (rows or features) each tree leaves out, so that over
/// the trees every item sits out equally often (within one).
///
/// Items sit out in the order of a seeded shuffle, `count - keep` per tree, and the
/// order is shuffled again each time it runs out: every pass through it leaves each
/// item out once. Each tree still sees a random `keep` of the items, as XGBoost's
/// sampling gives it, but no item is left out of many more trees than another by
/// chance, which makes the ensemble less noisy.
struct BalancedSampler {
    /// The number of items.
    let count: Int
    /// How many items each tree keeps.
    let keep: Int
    private var order: [Int]
    private var cursor = 0

    /// A sampler keeping `keep` of `count` items per tree (`1 <= keep <= count`).
    init(count: Int, keep: Int, generator: inout SeededGenerator) {
        self.count = count
        self.keep = keep
        order = Array(0..<count)
        generator.shuffle(&order)
    }

    /// Whether each item sits out of the next tree; exactly `count - keep` do.
    mutating func nextLeftOut(generator: inout SeededGenerator) -> [Bool] {
        var out = [Bool](repeating: false, count: count)
        var remaining = count - keep
        while remaining > 0 {
            if cursor == count {
                // A new pass; the items this tree already left out go last in it, so that
                // none comes up twice for one tree and each still sits out once per pass.
                generator.shuffle(&order)
                order = order.filter { !out[$0] } + order.filter { out[$0] }
                cursor = 0
            }
            out[order[cursor]] = true
            cursor += 1
            remaining -= 1
        }
        return out
    }
}
