/// One category column as counts per category, missing values counted apart.
package struct CategoricalSample: Sendable, Equatable {
    /// How many rows hold each category (only categories that occur).
    package let counts: [String: Int]
    /// How many rows had no category.
    package let missingCount: Int

    /// Counts `values`; nil entries are missing.
    package init(_ values: some Sequence<String?>) {
        var counts: [String: Int] = [:]
        var missing = 0
        for value in values {
            if let value { counts[value, default: 0] += 1 } else { missing += 1 }
        }
        self.counts = counts
        missingCount = missing
    }

    /// Takes counts already made (a profile's); categories with no rows are dropped.
    package init(counts: [String: Int], missingCount: Int = 0) {
        self.counts = counts.filter { $0.value > 0 }
        self.missingCount = max(missingCount, 0)
    }

    /// How many rows hold a category.
    package var count: Int { counts.values.reduce(0, +) }

    /// Missing rows as a share of all rows (0 for an empty column).
    package var missingRate: Double {
        let total = count + missingCount
        return total == 0 ? 0 : Double(missingCount) / Double(total)
    }

    /// The categories of both samples, sorted by name: the bins every categorical
    /// statistic uses, so a category only one side has still gets its own bin.
    package static func categories(_ reference: CategoricalSample, _ current: CategoricalSample) -> [String] {
        Set(reference.counts.keys).union(current.counts.keys).sorted()
    }

    /// The count of each of `categories`, 0 for those absent here.
    package func counts(for categories: [String]) -> [Double] {
        categories.map { Double(counts[$0] ?? 0) }
    }
}
