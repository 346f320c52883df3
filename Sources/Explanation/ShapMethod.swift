import Basics

/// How `TreeExplainer` computes a tree's contributions; every method gives the same
/// values up to float32 rounding.
package enum ShapMethod: Sendable {
    /// Leaf tables for the trees where building them costs less than the walks they
    /// save and their memory stays small; the walk for the others.
    case automatic
    /// TreeSHAP's recursive walk for every row and tree, in XGBoost's operation order.
    case pathWalk
    /// Leaf tables for every tree whose tables fit the memory bound; the walk for the others.
    case leafTables

    /// Floats one tree's tables may take (4 MiB): a full tree of depth 8 fits, depth 10 does not.
    static let treeEntryLimit = 1 << 20
    /// How many row walks one unit of table building is worth, in `automatic`'s choice.
    static let buildingWeight = 8
    /// Floats all tables of a model may take together (256 MiB).
    static let modelEntryLimit = 1 << 26

    /// Tables for those of `trees` this method tabulates when explaining `rowCount` rows,
    /// built on `threads` threads; their padding adds to feature `padding`.
    func tables(for trees: [ShapTree], rowCount: Int, threads: Int, padding: Int32) -> [LeafTables?] {
        guard self != .pathWalk else { return Array(repeating: nil, count: trees.count) }
        var chosen = [Bool](repeating: false, count: trees.count)
        var total = 0
        for (index, tree) in trees.enumerated() {
            let cost = LeafTables.cost(of: tree)
            guard cost.entries <= Self.treeEntryLimit, total + cost.entries <= Self.modelEntryLimit else { continue }
            // Worth it when the walks it saves outweigh building the tables several times
            // over: building runs a division-heavy replay per pattern, where the walk's
            // operations overlap better than their count says (on the housing test split's
            // 102 rows the walk is faster; from a few hundred rows of depth-6 trees, the tables).
            let pays = rowCount.multipliedReportingOverflow(by: cost.walkingOneRow)
            guard self == .leafTables || pays.overflow || pays.partialValue >= Self.buildingWeight * cost.building else { continue }
            chosen[index] = true
            total += cost.entries
        }
        return Parallel.map(trees.count, threads: threads) { chosen[$0] ? LeafTables(trees[$0], padding: padding) : nil }
    }
}
