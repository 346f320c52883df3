import Basics

/// Reading the categorical parts of XGBoost's JSON model: `feature_types` and each
/// tree's `split_type`, `categories`, `categories_nodes`, `categories_segments` and
/// `categories_sizes` (the categories that go right at each categorical split).
extension Booster {
    /// The feature types of a learner: `c` is categorical, any other name numeric;
    /// empty when the file gives none or none is categorical.
    static func featureTypes(_ value: JSONValue?, featureCount: Int, fail: (String) -> Diagnostic) throws -> [FeatureType] {
        guard case .array(let items)? = value, !items.isEmpty else { return [] }
        guard items.count == featureCount else { throw fail("it gives \(items.count) feature types for \(featureCount) features") }
        let types = try items.map { item -> FeatureType in
            guard case .string(let name) = item else { throw fail("feature types must be strings") }
            return name == "c" ? .categorical : .numeric
        }
        return types.contains(.categorical) ? types : []
    }

    /// Marks the categorical splits of `tree` and reads their categories from the tree's JSON `value`.
    static func readCategories(of tree: inout RegressionTree, from value: JSONValue, fail: (String) -> Diagnostic) throws {
        guard case .array(let types)? = value["split_type"] else { return }
        guard types.count == tree.nodes.count else { throw fail("\"split_type\" has \(types.count) entries for \(tree.nodes.count) nodes") }
        func ints(_ key: String) throws -> [Int] {
            guard case .array(let items)? = value[key] else { throw fail("\"\(key)\" is missing") }
            return try items.map { item in
                guard case .int(let number) = item else { throw fail("\"\(key)\" must hold integers") }
                return number
            }
        }
        var categoricalNodes: [Int] = []
        for (id, type) in types.enumerated() {
            switch type {
            case .int(0): continue
            case .int(1):
                guard !tree.nodes[id].isLeaf else { throw fail("leaf \(id) has split_type 1") }
                categoricalNodes.append(id)
            default: throw fail("node \(id) has split_type \(type), not 0 (numeric) or 1 (categorical)")
            }
        }
        guard !categoricalNodes.isEmpty else { return }
        let nodes = try ints("categories_nodes"), segments = try ints("categories_segments")
        let sizes = try ints("categories_sizes"), codes = try ints("categories")
        guard nodes == categoricalNodes else {
            throw fail("\"categories_nodes\" \(nodes) does not list the nodes of split_type 1, \(categoricalNodes)")
        }
        guard segments.count == nodes.count, sizes.count == nodes.count else {
            throw fail("\"categories_segments\" and \"categories_sizes\" need one entry per categorical node (\(nodes.count))")
        }
        for (index, id) in nodes.enumerated() {
            let start = segments[index], count = sizes[index]
            guard start >= 0, count > 0, count <= codes.count - start else {
                throw fail("node \(id)'s categories (from \(start), \(count) of them) lie outside \"categories\" (\(codes.count))")
            }
            let set = codes[start..<(start + count)]
            if let bad = set.first(where: { !(0..<16_777_216).contains($0) }) {
                throw fail("node \(id) has category \(bad); categories are whole numbers 0...16777215")
            }
            tree.nodes[id].isCategorical = true
            tree.categories[Int32(id)] = Set(set).sorted().map { Int32($0) }
        }
    }
}
