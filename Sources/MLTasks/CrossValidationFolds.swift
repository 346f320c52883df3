import Basics

/// The folds of a K-fold cross-validation: which rows each fold holds out.
///
/// Rows are shuffled with the seed, then dealt to folds: contiguous pieces of the shuffled
/// order (sizes differing by at most one), or, stratified, each label's rows dealt round
/// the folds in turn so every fold holds each label in the share of the whole.
package struct CrossValidationFolds: Sendable, Equatable {
    /// Each row's fold, `0..<count`.
    package let assignment: [Int]
    /// The number of folds.
    package let count: Int

    /// Folds of `labels.count` rows; `stratified` deals each distinct label separately.
    /// Needs `2 <= count <= labels.count` (checked by the configuration).
    package init(labels: [Double], count: Int, stratified: Bool, seed: UInt64) {
        self.count = count
        var generator = SeededGenerator(seed: seed)
        var assignment = [Int](repeating: 0, count: labels.count)
        if stratified {
            // Labels in sorted order, so the dealing does not depend on which label came first.
            let classes = Dictionary(grouping: labels.indices, by: { labels[$0] }).sorted { $0.key < $1.key }
            var next = 0
            for (_, rows) in classes {
                var rows = rows
                generator.shuffle(&rows)
                for row in rows {
                    assignment[row] = next
                    next = (next + 1) % count
                }
            }
        } else {
            var order = Array(labels.indices)
            generator.shuffle(&order)
            let (base, extra) = labels.count.quotientAndRemainder(dividingBy: count)
            var position = 0
            for fold in 0..<count {
                let size = base + (fold < extra ? 1 : 0)
                for row in order[position..<position + size] { assignment[row] = fold }
                position += size
            }
        }
        self.assignment = assignment
    }

    /// The rows fold `fold` holds out, in row order.
    package func heldOut(_ fold: Int) -> [Int] { assignment.indices.filter { assignment[$0] == fold } }

    /// The rows fold `fold` trains on, in row order.
    package func training(_ fold: Int) -> [Int] { assignment.indices.filter { assignment[$0] != fold } }
}
