import Basics
import Foundation

/// Reading XGBoost's JSON model format: our own files, and XGBoost's own files of
/// single-output tree models with one of our objectives.
extension Booster {
    /// Reads a model from the text of a model file; `file` names it in errors.
    package init(xgboostJSON data: Data, file: String) throws {
        func fail(_ what: String) -> Diagnostic {
            .failure("\(file) is not a valid model file: \(what)", hint: "write it with 'sluice ml train'")
        }
        let root: JSONValue
        do {
            root = try JSONReader.parse(String(decoding: data, as: UTF8.self), file: file)
        } catch {
            // Where the text stops being JSON, as the reader located it.
            throw Diagnostic.failure("not a valid model file: \(error.message)", at: error.location, hint: "write it with 'sluice ml train'")
        }
        guard let learner = root["learner"] else { throw fail("it has no \"learner\"") }
        let metadata = root["sluice"]
        guard case .string(let objectiveName)? = learner["objective"]?["name"] else { throw fail("it names no objective") }
        guard let objective = Objective(rawValue: objectiveName) else {
            throw fail("the objective '\(objectiveName)' is not one of \(Objective.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let score = Self.baseScore(learner["learner_model_param"]?["base_score"]), Float(score).isFinite else {
            throw fail("its base_score is missing or not a number")
        }
        // Checked as the float32 the file stores: 5e-324 lies above 0 but is written back as 0.
        guard objective != .logistic || (Float(score) > 0 && Float(score) < 1) else {
            throw fail("its base_score must lie between 0 and 1 (as float32) for binary:logistic")
        }
        let exactScore: Double? = if case .double(let d)? = metadata?["base_score"], Float(d) == Float(score) { d } else { nil }
        let names = try Self.featureNames(learner: learner, metadata: metadata, fail: fail)
        let booster = learner["gradient_booster"]
        if case .string("gblinear")? = booster?["name"] {
            self.init(objective: objective, baseScore: exactScore ?? score, trees: [], featureNames: names)
            linear = try Self.linearModel(booster?["model"], featureCount: names.count, fail: fail)
        } else {
            guard case .array(let treeValues)? = booster?["model"]?["trees"] else { throw fail("it has no trees") }
            let trees = try treeValues.enumerated().map { index, value in
                try Self.tree(value, featureCount: names.count) { fail("tree \(index): \($0)") }
            }
            self.init(objective: objective, baseScore: exactScore ?? score, trees: trees, featureNames: names)
            treesPerRound = try Self.treesPerRound(booster?["model"], treeCount: trees.count, fail: fail)
        }
        featureTypes = try Self.featureTypes(learner["feature_types"], featureCount: names.count, fail: fail)
        categoryNames = try Self.categoryNames(learner["gradient_booster"]?["model"]?["cats"], featureCount: names.count, fail: fail)
        if case .string(let target)? = metadata?["target"] { targetName = target }
        if case .int(let best)? = metadata?["best_iteration"] { bestIteration = best }
        binMapper = Self.binMapper(metadata?["bin_mapper"], featureCount: names.count)
    }

    /// Reads a model file.
    package static func load(path: String, displayName: String? = nil) throws -> Booster {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.failure("cannot read the model file \(name)", hint: "check the path; train a model with 'sluice ml train'")
        }
        return try Booster(xgboostJSON: data, file: name)
    }

    /// Writes the model file atomically; throws, writing nothing, when a number of the
    /// model is not finite (the file could not be read back).
    package func write(to path: String) throws {
        try checkFinite()
        try AtomicFile.write(xgboostJSON(), to: path)
    }

    /// `num_parallel_tree` of `gbtree_model_param` (1 when absent); the trees must fill whole rounds.
    private static func treesPerRound(_ model: JSONValue?, treeCount: Int, fail: (String) -> Diagnostic) throws -> Int {
        guard case .string(let text)? = model?["gbtree_model_param"]?["num_parallel_tree"] else { return 1 }
        guard let count = Int(text), count >= 1, treeCount % count == 0 else {
            throw fail("its num_parallel_tree \(text) does not divide its \(treeCount) trees into rounds")
        }
        return count
    }

    /// `"[2.2796535E1]"`, `"2.2796535E1"` or a plain number.
    private static func baseScore(_ value: JSONValue?) -> Double? {
        switch value {
        case .double(let d)?: return d
        case .int(let i)?: return Double(i)
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    private static func featureNames(learner: JSONValue, metadata: JSONValue?, fail: (String) -> Diagnostic) throws -> [String] {
        let listed = metadata?["features"] ?? learner["feature_names"]
        var names: [String] = []
        if case .array(let items)? = listed {
            names = try items.map { item in
                guard case .string(let name) = item else { throw fail("feature names must be strings") }
                return name
            }
        }
        if names.isEmpty, case .string(let count)? = learner["learner_model_param"]?["num_feature"], let n = Int(count), n > 0 {
            names = (0..<n).map { "f\($0)" }
        }
        guard !names.isEmpty else { throw fail("it names no features") }
        guard Set(names).count == names.count else { throw fail("its feature names repeat") }
        return names
    }

    private static func tree(_ value: JSONValue, featureCount: Int, fail: (String) -> Diagnostic) throws -> RegressionTree {
        func ints(_ key: String) throws -> [Int] {
            guard case .array(let items)? = value[key] else { throw fail("\"\(key)\" is missing") }
            return try items.map { item in
                switch item {
                case .int(let i): return i
                case .bool(let b): return b ? 1 : 0
                default: throw fail("\"\(key)\" must hold integers")
                }
            }
        }
        func reals(_ key: String, required: Bool = true) throws -> [Float]? {
            guard case .array(let items)? = value[key] else {
                if required { throw fail("\"\(key)\" is missing") }
                return nil
            }
            return try items.map { item in
                switch item {
                // Finite as float32 too: a threshold of 1e300 would be infinity.
                case .double(let d) where Float(d).isFinite: return Float(d)
                case .int(let i): return Float(i)
                default: throw fail("\"\(key)\" must hold finite numbers")
                }
            }
        }
        let left = try ints("left_children"), right = try ints("right_children")
        let features = try ints("split_indices"), defaults = try ints("default_left")
        let parents = try ints("parents")
        guard let conditions = try reals("split_conditions") else { throw fail("\"split_conditions\" is missing") }
        let count = left.count
        guard count > 0, [right.count, features.count, defaults.count, parents.count, conditions.count].allSatisfy({ $0 == count }) else {
            throw fail("its node arrays differ in length")
        }
        let weights = try reals("base_weights", required: false), gains = try reals("loss_changes", required: false)
        let hessians = try reals("sum_hessian", required: false)
        var nodes: [RegressionTree.Node] = []
        nodes.reserveCapacity(count)
        for id in 0..<count {
            var node = RegressionTree.Node()
            node.left = Int32(clamping: left[id])
            node.right = Int32(clamping: right[id])
            node.parent = parents[id] == rootParent || parents[id] < 0 ? -1 : Int32(clamping: parents[id])
            node.condition = conditions[id]
            node.defaultLeft = defaults[id] != 0
            node.baseWeight = weights?[safe: id] ?? 0
            node.lossChange = gains?[safe: id] ?? 0
            node.sumHessian = hessians?[safe: id] ?? 0
            if !node.isLeaf {
                guard (0..<featureCount).contains(features[id]) else { throw fail("node \(id) tests feature \(features[id]) of \(featureCount)") }
                node.feature = Int32(features[id])
            }
            nodes.append(node)
        }
        var tree = RegressionTree(nodes: nodes)
        guard tree.isWellFormed else { throw fail("its children and parents do not form a tree") }
        try readCategories(of: &tree, from: value, fail: fail)
        return tree
    }

    private static func binMapper(_ value: JSONValue?, featureCount: Int) -> BinMapper? {
        guard case .array(let cutLists)? = value?["cuts"], case .array(let minimumValues)? = value?["minimums"],
              cutLists.count == featureCount, minimumValues.count == featureCount else { return nil }
        func floats(_ value: JSONValue) -> [Float]? {
            guard case .array(let items) = value else { return nil }
            let numbers = items.compactMap { item -> Float? in
                if case .double(let d) = item, Float(d).isFinite { return Float(d) }
                if case .int(let i) = item { return Float(i) }
                return nil
            }
            return numbers.count == items.count ? numbers : nil
        }
        let cuts = cutLists.compactMap(floats)
        guard cuts.count == featureCount, let minimums = floats(.array(minimumValues)) else { return nil }
        var hasMissing = [Bool](repeating: true, count: featureCount)
        if case .array(let flags)? = value?["missing"], flags.count == featureCount {
            hasMissing = flags.map { $0 == .bool(true) }
        }
        var categorical: [Bool] = []
        if case .array(let flags)? = value?["categorical"], flags.count == featureCount {
            categorical = flags.map { $0 == .bool(true) }
        }
        return BinMapper(cuts: cuts, minimums: minimums, hasMissing: hasMissing, categorical: categorical)
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
