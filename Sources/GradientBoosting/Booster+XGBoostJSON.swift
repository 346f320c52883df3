import Basics

/// The model as XGBoost's JSON model format, written by hand.
///
/// `xgboost.Booster(model_file=…)` loads the text and predicts the same values. The
/// traps this writer avoids: every number in a real-valued array carries a `.` or an
/// exponent (XGBoost rejects `-1` there); thresholds are float32 values widened to
/// double, so XGBoost's float32 comparison sees exactly the trained threshold; a
/// leaf's value lives in `split_conditions`; `parents` are exact (wrong ones crash
/// XGBoost); `base_score` is a bracketed string in output space. Our own metadata
/// (feature names, bins, importance) sits under a top-level `sluice` member, which
/// XGBoost ignores.
extension Booster {
    /// The format name of our metadata member.
    package static let metadataFormat = "sluice-gbdt"
    /// XGBoost's parent id for the root (INT32_MAX).
    static let rootParent = 2_147_483_647

    /// The model file's text, with a trailing newline.
    package func xgboostJSON() -> String {
        if let linear { return linearJSON(linear) }
        var out = "{\"learner\":{\"attributes\":{},"
        if featureTypes.contains(.categorical) {
            // XGBoost wants one type (and then one name) per feature when types are given.
            out += "\"feature_names\":[" + featureNames.map { JSONWriter(indent: nil, sortKeys: false).string(.string($0)) }.joined(separator: ",") + "],"
            out += "\"feature_types\":[" + featureTypes.map { "\"\($0.xgboostName)\"" }.joined(separator: ",") + "],"
        } else {
            out += "\"feature_names\":[],\"feature_types\":[],"
        }
        out += "\"gradient_booster\":{\"model\":{\"cats\":" + catsJSON() + ","
        // A round's trees sit together: `iteration_indptr` marks where each round starts.
        let perRound = max(treesPerRound, 1)
        out += "\"gbtree_model_param\":{\"num_parallel_tree\":\"\(perRound)\",\"num_trees\":\"\(trees.count)\"},"
        out += "\"iteration_indptr\":[" + stride(from: 0, through: trees.count, by: perRound).map(String.init).joined(separator: ",") + "],"
        out += "\"tree_info\":[" + trees.map { _ in "0" }.joined(separator: ",") + "],\"trees\":["
        for (id, tree) in trees.enumerated() {
            if id > 0 { out += "," }
            appendTree(tree, id: id, to: &out)
        }
        out += "]},\"name\":\"gbtree\"},"
        out += learnerTail()
        return out
    }

    /// The learner's members after the gradient booster, and the file's: the base
    /// score, the objective, our metadata and the version.
    func learnerTail() -> String {
        var out = "\"learner_model_param\":{\"base_score\":\"[\(Float(baseScore))]\",\"boost_from_average\":\"1\","
        out += "\"num_class\":\"0\",\"num_feature\":\"\(featureNames.count)\",\"num_target\":\"1\"},"
        out += "\"objective\":{\"name\":\"\(objective.rawValue)\",\"reg_loss_param\":{\"scale_pos_weight\":\"1\"}}},"
        out += "\"sluice\":" + JSONWriter(indent: nil, sortKeys: false).string(metadata) + ","
        out += "\"version\":[3,0,0]}\n"
        return out
    }

    /// XGBoost's (3.1+) category encoding: per feature the UTF-8 bytes of its category
    /// strings with offsets (both empty for a numeric feature), the running count of
    /// categories per feature, and each feature's categories' ranks in byte order.
    func catsJSON() -> String {
        guard categoryNames.contains(where: { !$0.isEmpty }) else { return "{\"enc\":[],\"feature_segments\":[],\"sorted_idx\":[]}" }
        var enc: [String] = []
        var segments = [0]
        var sorted: [Int] = []
        for feature in featureNames.indices {
            let names = categoryNames.indices.contains(feature) ? categoryNames[feature] : []
            let bytes = names.map { Array($0.utf8) }
            var offsets = [0]
            for item in bytes { offsets.append(offsets[offsets.count - 1] + item.count) }
            let values = bytes.flatMap { $0 }
            enc.append("{\"offsets\":[" + (names.isEmpty ? "" : offsets.map(String.init).joined(separator: ",")) + "],\"values\":["
                + values.map(String.init).joined(separator: ",") + "]}")
            segments.append(segments[segments.count - 1] + names.count)
            sorted += bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        }
        return "{\"enc\":[" + enc.joined(separator: ",") + "],\"feature_segments\":[" + segments.map(String.init).joined(separator: ",")
            + "],\"sorted_idx\":[" + sorted.map(String.init).joined(separator: ",") + "]}"
    }

    /// Our own description of the model, which XGBoost does not read.
    var metadata: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(Self.metadataFormat)), ("version", .int(1)),
            ("objective", .string(objective.rawValue)), ("base_score", .double(baseScore)),
            ("target", targetName.map(JSONValue.string) ?? .null),
            ("features", .array(featureNames.map(JSONValue.string))),
            ("best_iteration", bestIteration.map(JSONValue.int) ?? .null),
        ]
        if let linear {
            members.append(("coefficients", .object(zip(featureNames, linear.weights).map { ($0, .double(Double($1))) })))
        } else {
            members.append(("feature_importance", .object(zip(featureNames, featureImportance).map { ($0, .double($1)) })))
        }
        if let binMapper {
            members.append(("bin_mapper", .object([
                ("cuts", .array(binMapper.cuts.map { .array($0.map { .double(Double($0)) }) })),
                ("minimums", .array(binMapper.minimums.map { .double(Double($0)) })),
                ("missing", .array(binMapper.hasMissing.map(JSONValue.bool))),
            ] + (binMapper.categorical.contains(true) ? [("categorical", .array(binMapper.categorical.map(JSONValue.bool)))] : []))))
        }
        return .object(members)
    }

    private func appendTree(_ tree: RegressionTree, id: Int, to out: inout String) {
        let nodes = tree.nodes
        func ints(_ name: String, _ value: (RegressionTree.Node) -> Int) {
            out += "\"\(name)\":[" + nodes.map { String(value($0)) }.joined(separator: ",") + "],"
        }
        func reals(_ name: String, _ value: (RegressionTree.Node) -> Float) {
            out += "\"\(name)\":[" + nodes.map { JSONWriter.number(Double(value($0))) }.joined(separator: ",") + "],"
        }
        out += "{"
        reals("base_weights") { $0.baseWeight }
        appendCategories(tree, to: &out)
        ints("default_left") { $0.defaultLeft ? 1 : 0 }
        out += "\"id\":\(id),"
        ints("left_children") { Int($0.left) }
        reals("loss_changes") { $0.lossChange }
        ints("parents") { $0.parent < 0 ? Self.rootParent : Int($0.parent) }
        ints("right_children") { Int($0.right) }
        reals("split_conditions") { $0.condition }
        ints("split_indices") { $0.isLeaf ? 0 : Int($0.feature) }
        ints("split_type") { $0.isCategorical ? 1 : 0 }
        reals("sum_hessian") { $0.sumHessian }
        out += "\"tree_param\":{\"num_deleted\":\"0\",\"num_feature\":\"\(featureNames.count)\","
        out += "\"num_nodes\":\"\(nodes.count)\",\"size_leaf_vector\":\"1\"}}"
    }

    /// XGBoost's four arrays of categorical splits: the split nodes in id order, where
    /// each one's categories start in `categories` and how many there are, and the
    /// categories that go right.
    private func appendCategories(_ tree: RegressionTree, to out: inout String) {
        var nodes: [String] = [], segments: [String] = [], sizes: [String] = [], codes: [String] = []
        for id in tree.nodes.indices where tree.nodes[id].isCategorical {
            let set = tree.categories[Int32(id)] ?? []
            nodes.append(String(id))
            segments.append(String(codes.count))
            sizes.append(String(set.count))
            codes += set.map { String($0) }
        }
        out += "\"categories\":[\(codes.joined(separator: ","))],\"categories_nodes\":[\(nodes.joined(separator: ","))],"
        out += "\"categories_segments\":[\(segments.joined(separator: ","))],\"categories_sizes\":[\(sizes.joined(separator: ","))],"
    }
}
