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

    /// Each feature's category strings from XGBoost's `cats` encoding (`enc`: UTF-8
    /// bytes and offsets per feature); empty when the file stores none.
    static func categoryNames(_ value: JSONValue?, featureCount: Int, fail: (String) -> Diagnostic) throws -> [[String]] {
        guard case .array(let features)? = value?["enc"], !features.isEmpty else { return [] }
        guard features.count == featureCount else { throw fail("\"cats\" encodes \(features.count) features for \(featureCount)") }
        func ints(_ item: JSONValue?, _ key: String) throws -> [Int] {
            guard case .array(let values)? = item?[key] else { throw fail("\"cats\" lacks \"\(key)\"") }
            return try values.map { value in
                guard case .int(let number) = value else { throw fail("\"cats\" \"\(key)\" must hold integers") }
                return number
            }
        }
        let names = try features.map { feature -> [String] in
            let offsets = try ints(feature, "offsets")
            // Without offsets the values are numbers (categories that were numbers), not text.
            guard !offsets.isEmpty else { return [] }
            let bytes = try ints(feature, "values")
            guard bytes.allSatisfy({ (0...255).contains($0) }) else { throw fail("\"cats\" values must be bytes") }
            guard zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
                  offsets[0] == 0, offsets[offsets.count - 1] == bytes.count else {
                throw fail("\"cats\" offsets do not fit its values (categories stored as text are read by XGBoost 3.1 and later)")
            }
            return zip(offsets, offsets.dropFirst()).map { String(decoding: bytes[$0..<$1].map(UInt8.init), as: UTF8.self) }
        }
        return names.contains(where: { !$0.isEmpty }) ? names : []
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
