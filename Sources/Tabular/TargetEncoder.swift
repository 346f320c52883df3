import Basics

/// Target encoding: a category becomes the smoothed mean of the target over its rows,
/// `(n·mean + m·prior) / (n + m)`, where `prior` is the target's mean and `m` the
/// smoothing. On the training split each row gets the encoding fitted on the OTHER
/// folds (K-fold, shuffled with `seed`), so a row's own target never reaches its feature.
package struct TargetEncoder: Sendable, Hashable {
    /// The number of folds for the training split's out-of-fold encoding (≥ 2).
    package var folds: Int
    /// `m`: how many prior-valued rows each category's mean is blended with.
    package var smoothing: Double
    /// The seed of the fold assignment.
    package var seed: UInt64
    /// What an unseen category becomes (`missing` and `infrequent`: the prior).
    package var handleUnknown: UnknownCategoryHandling

    /// An encoder with K = `folds` and smoothing `m`.
    package init(folds: Int = 5, smoothing: Double = 10, seed: UInt64 = 42, handleUnknown: UnknownCategoryHandling = .missing) {
        self.folds = folds
        self.smoothing = smoothing
        self.seed = seed
        self.handleUnknown = handleUnknown
    }

    /// The encoding fitted on every row of `column` with a finite `target` (for the
    /// test split and for prediction).
    package func fit(_ column: CategoryColumn, target: [Double]) -> FittedTargetEncoder {
        fit(column, target: target, rows: Array(0..<column.count))
    }

    /// The full fit plus the training split's out-of-fold encoded column.
    package func fitOutOfFold(_ column: CategoryColumn, target: [Double], name: String) throws -> (FittedTargetEncoder, Column) {
        var order = Array(0..<column.count)
        var generator = SeededGenerator(seed: seed)
        generator.shuffle(&order)
        let k = max(2, min(folds, column.count))
        var fold = [Int](repeating: 0, count: column.count)
        for (position, row) in order.enumerated() { fold[row] = position % k }
        var values = [Double](repeating: .nan, count: column.count)
        for f in 0..<k {
            let others = (0..<column.count).filter { fold[$0] != f }
            let fitted = fit(column, target: target, rows: others)
            let held = (0..<column.count).filter { fold[$0] == f }
            let encoded = try fitted.transform(column.taking(held), name: name)
            for (index, row) in held.enumerated() { values[row] = encoded[index] }
        }
        return (fit(column, target: target), .numeric(values))
    }

    private func fit(_ column: CategoryColumn, target: [Double], rows: [Int]) -> FittedTargetEncoder {
        var sums = [Double](repeating: 0, count: column.categories.count)
        var counts = [Double](repeating: 0, count: column.categories.count)
        var total = 0.0, n = 0.0
        for row in rows where target[row].isFinite {
            total += target[row]
            n += 1
            let code = column.codes[row]
            if code != CategoryColumn.missingCode {
                sums[Int(code)] += target[row]
                counts[Int(code)] += 1
            }
        }
        let prior = n > 0 ? total / n : 0
        var means: [String: Double] = [:]
        for (code, category) in column.categories.enumerated() where counts[code] > 0 {
            means[category] = (sums[code] + smoothing * prior) / (counts[code] + smoothing)
        }
        return FittedTargetEncoder(prior: prior, means: means, handleUnknown: handleUnknown)
    }
}

/// What `TargetEncoder` learnt: the prior and each category's smoothed mean.
package struct FittedTargetEncoder: Sendable, Hashable {
    /// The training target's mean: the value of a missing or unseen category.
    package var prior: Double
    /// The smoothed mean per category.
    package var means: [String: Double]
    /// What an unseen category becomes (`error` throws; otherwise the prior).
    package var handleUnknown: UnknownCategoryHandling

    /// The fitted state, for example read back from a preprocessor file.
    package init(prior: Double, means: [String: Double], handleUnknown: UnknownCategoryHandling) {
        self.prior = prior
        self.means = means
        self.handleUnknown = handleUnknown
    }

    /// The encoded values of `column`.
    package func transform(_ column: CategoryColumn, name: String) throws -> [Double] {
        let mapped = column.categories.map { means[$0] }
        var values = [Double](repeating: prior, count: column.count)
        for (row, code) in column.codes.enumerated() where code != CategoryColumn.missingCode {
            if let value = mapped[Int(code)] {
                values[row] = value
            } else if handleUnknown == .error {
                throw handleUnknown.unknown(column.categories[Int(code)], column: name, row: row)
            }
        }
        return values
    }
}
