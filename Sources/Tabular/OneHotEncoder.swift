import Basics

/// One-hot encoding of a category column, following scikit-learn's `OneHotEncoder`:
/// one 0/1 column per category seen in the training split, rare categories pooled into
/// one "infrequent" column, optionally dropping the first column.
package struct OneHotEncoder: Sendable, Hashable {
    /// Which output column to leave out (the others determine it).
    package enum Drop: String, Sendable, Hashable, CaseIterable {
        /// Drop the first column of every feature.
        case first
        /// Drop the first column only of a feature with exactly two columns.
        case ifBinary = "if_binary"
        /// Keep every column.
        case none
    }

    /// A category seen fewer times is infrequent: a count when ≥ 1, else a fraction
    /// of the non-missing training cells (scikit-learn's `min_frequency`); 0 keeps all.
    package var minFrequency: Double
    /// At most this many output columns, the infrequent one included; nil for no limit.
    package var maxCategories: Int?
    /// Which column to drop.
    package var drop: Drop
    /// What an unseen category becomes.
    package var handleUnknown: UnknownCategoryHandling

    /// An encoder with scikit-learn's defaults unless told otherwise.
    package init(minFrequency: Double = 0, maxCategories: Int? = nil, drop: Drop = .none,
                 handleUnknown: UnknownCategoryHandling = .missing) {
        self.minFrequency = minFrequency
        self.maxCategories = maxCategories
        self.drop = drop
        self.handleUnknown = handleUnknown
    }

    /// Learns the categories of `column` (the training split; categories of its
    /// dictionary that no cell holds are not seen).
    package func fit(_ column: CategoryColumn) -> FittedOneHotEncoder {
        let counts = column.counts
        let present = counts.reduce(0, +)
        let threshold = minFrequency >= 1 ? minFrequency : minFrequency * Double(present)
        var frequent = counts.indices.filter { counts[$0] > 0 && Double(counts[$0]) >= threshold }
        var infrequent = counts.indices.filter { counts[$0] > 0 && Double(counts[$0]) < threshold }
        if let maxCategories, frequent.count + (infrequent.isEmpty ? 0 : 1) > maxCategories {
            // The most frequent keep their own column; ties go to the earlier category.
            let ranked = frequent.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            let kept = Set(ranked.prefix(max(0, maxCategories - 1)))
            infrequent = (infrequent + frequent.filter { !kept.contains($0) }).sorted()
            frequent = frequent.filter { kept.contains($0) }
        }
        let outputs = frequent.count + (infrequent.isEmpty ? 0 : 1)
        let dropFirst = drop == .first || (drop == .ifBinary && outputs == 2)
        return FittedOneHotEncoder(categories: frequent.map { column.categories[$0] },
                                   infrequent: infrequent.map { column.categories[$0] },
                                   dropFirst: dropFirst && outputs > 0, handleUnknown: handleUnknown)
    }
}

/// What `OneHotEncoder.fit` learnt, as plain data a preprocessor file stores.
package struct FittedOneHotEncoder: Sendable, Hashable {
    /// The categories with a column of their own, in dictionary order.
    package var categories: [String]
    /// The categories pooled into the "infrequent" column (empty: no such column).
    package var infrequent: [String]
    /// Whether the first output column is left out.
    package var dropFirst: Bool
    /// What an unseen category becomes.
    package var handleUnknown: UnknownCategoryHandling

    /// The fitted state, for example read back from a preprocessor file.
    package init(categories: [String], infrequent: [String], dropFirst: Bool, handleUnknown: UnknownCategoryHandling) {
        self.categories = categories
        self.infrequent = infrequent
        self.dropFirst = dropFirst
        self.handleUnknown = handleUnknown
    }

    /// The label of each output column before dropping: the categories, then `infrequent`.
    private var labels: [String] { categories + (infrequent.isEmpty ? [] : ["infrequent"]) }

    /// The output column names for the column `name`: `name=value`, `name=infrequent`.
    package func outputNames(_ name: String) -> [String] {
        labels.dropFirst(dropFirst ? 1 : 0).map { "\(name)=\($0)" }
    }

    /// The 0/1 columns of `column`; a missing cell, a dropped category and (with
    /// `handleUnknown` missing) an unseen one give an all-zero row.
    package func transform(_ column: CategoryColumn, name: String) throws -> [(name: String, column: Column)] {
        var position: [String: Int] = [:]
        for (index, category) in categories.enumerated() { position[category] = index }
        for category in infrequent { position[category] = categories.count }
        // Output position of each dictionary code of this column; -1 writes no 1.
        var unknown: [Int?] = []
        let mapped: [Int] = column.categories.enumerated().map { code, value in
            if let index = position[value] { unknown.append(nil); return index }
            unknown.append(code)
            return handleUnknown == .infrequent && !infrequent.isEmpty ? categories.count : -1
        }
        let width = labels.count, skip = dropFirst ? 1 : 0
        var outputs = Array(repeating: [Double](repeating: 0, count: column.count), count: width - skip)
        for (row, code) in column.codes.enumerated() where code != CategoryColumn.missingCode {
            if handleUnknown == .error, unknown[Int(code)] != nil {
                throw handleUnknown.unknown(column.categories[Int(code)], column: name, row: row)
            }
            let index = mapped[Int(code)] - skip
            if index >= 0 { outputs[index][row] = 1 }
        }
        return zip(outputNames(name), outputs).map { (name: $0, column: .numeric($1)) }
    }
}
