/// What a reference profile keeps of one category column: the counts of its most
/// frequent categories, the rows of all others folded into one count, and the missing rows.
package struct CategoricalProfile: Sendable, Equatable {
    /// The kept categories and their counts, most frequent first (ties by name).
    package let categories: [(name: String, count: Int)]
    /// Rows of categories not kept (only when a column has too many to store).
    package let otherCount: Int
    /// Rows with no category.
    package let missingCount: Int

    /// The name under which folded categories are compared: no CSV cell can hold it.
    package static let otherName = "\u{0}other"

    /// Keeps the `limit` most frequent categories of `sample` and folds the rest.
    package init(_ sample: CategoricalSample, limit: Int) {
        let ranked = sample.counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let kept = ranked.prefix(max(limit, 0))
        categories = kept.map { (name: $0.key, count: $0.value) }
        otherCount = ranked.dropFirst(kept.count).reduce(0) { $0 + $1.value }
        missingCount = sample.missingCount
    }

    /// A profile from its stored parts.
    package init(categories: [(name: String, count: Int)], otherCount: Int, missingCount: Int) {
        self.categories = categories
        self.otherCount = otherCount
        self.missingCount = missingCount
    }

    /// Equal categories in the same order, and equal counts.
    package static func == (lhs: CategoricalProfile, rhs: CategoricalProfile) -> Bool {
        lhs.otherCount == rhs.otherCount && lhs.missingCount == rhs.missingCount
            && lhs.categories.map(\.name) == rhs.categories.map(\.name) && lhs.categories.map(\.count) == rhs.categories.map(\.count)
    }

    /// The reference and `current` as samples over the same categories: when categories
    /// were folded, current categories the profile does not name are folded the same
    /// way (so a new category is only seen as new when the profile kept every category).
    package func comparable(with current: CategoricalSample) -> (reference: CategoricalSample, current: CategoricalSample) {
        var reference: [String: Int] = [:]
        for category in categories { reference[category.name] = category.count }
        guard otherCount > 0 else {
            return (CategoricalSample(counts: reference, missingCount: missingCount), current)
        }
        reference[Self.otherName] = otherCount
        var folded: [String: Int] = [:]
        for (name, count) in current.counts {
            folded[reference[name] == nil ? Self.otherName : name, default: 0] += count
        }
        return (CategoricalSample(counts: reference, missingCount: missingCount),
                CategoricalSample(counts: folded, missingCount: current.missingCount))
    }
}
