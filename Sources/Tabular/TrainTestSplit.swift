import Basics

/// The row indices of a train/test split.
package struct TrainTestSplit: Sendable, Hashable {
    /// Rows for training, in the order the split chose them.
    package var train: [Int]
    /// Rows for testing, in the order the split chose them.
    package var test: [Int]

    /// A split with the given rows.
    package init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }
}

/// Splits `rows` rows into train and test indices the way scikit-learn's
/// `train_test_split` does: `ceil(testSize · rows)` test rows; with `shuffle`, a
/// permutation from `SeededGenerator(seed:)` (so the same seed gives the same split
/// on every platform), the first rows of it for test; without, the last rows for
/// test. `stratify` (one label per row) keeps each class's share in both parts.
package func trainTestSplit(
    rows: Int, testSize: Double, seed: UInt64, shuffle: Bool = true, stratify: [Double]? = nil
) throws -> TrainTestSplit {
    guard testSize > 0 && testSize < 1 else {
        throw Diagnostic.error(
            "test size \(testSize) is not a fraction between 0 and 1", hint: "use for example 0.2 for 20% test rows")
    }
    let testCount = Int((testSize * Double(rows)).rounded(.up))
    let trainCount = rows - testCount
    guard trainCount >= 1 && testCount >= 1 else {
        throw Diagnostic.failure(
            "a test size of \(testSize) on \(rows) rows leaves \(trainCount) training and \(testCount) test rows",
            hint: "both parts need at least one row: use more data or a different test size")
    }
    var generator = SeededGenerator(seed: seed)
    if let labels = stratify {
        guard shuffle else {
            throw Diagnostic.error(
                "a stratified split must shuffle", hint: "turn shuffling on, or remove the stratify column")
        }
        guard labels.count == rows else {
            throw Diagnostic.failure("\(labels.count) stratification labels for \(rows) rows, expected one per row")
        }
        return try stratifiedSplit(labels: labels, trainCount: trainCount, testCount: testCount, generator: &generator)
    }
    guard shuffle else { return TrainTestSplit(train: Array(0..<trainCount), test: Array(trainCount..<rows)) }
    var permutation = Array(0..<rows)
    generator.shuffle(&permutation)
    return TrainTestSplit(train: Array(permutation[testCount...]), test: Array(permutation[..<testCount]))
}
