import Basics

extension Booster {
    /// Where the model holds a number that is not finite, in words (`tree 3, node 5:
    /// split condition`), or nil when every number is finite. JSON has no infinity or
    /// NaN: a model holding one would be written with `null` and could not be read back.
    package var firstNonFiniteNumber: String? {
        if !baseScore.isFinite || !baseMargin.isFinite { return "base_score" }
        if let linear {
            if !linear.bias.isFinite { return "the linear model's bias" }
            if let feature = linear.weights.firstIndex(where: { !$0.isFinite }) { return "the linear weight of feature \(feature)" }
        }
        for (index, tree) in trees.enumerated() where !Self.allFinite(tree.nodes) {
            for (id, node) in tree.nodes.enumerated() {
                let place = "tree \(index), node \(id)"
                if !node.condition.isFinite { return "\(place): \(node.isLeaf ? "leaf value" : "split condition")" }
                if !node.baseWeight.isFinite { return "\(place): base weight" }
                if !node.lossChange.isFinite { return "\(place): loss change" }
                if !node.sumHessian.isFinite { return "\(place): hessian sum" }
            }
        }
        if let binMapper {
            if let feature = binMapper.cuts.firstIndex(where: { !$0.allSatisfy(\.isFinite) }) { return "bin bounds of feature \(feature)" }
            if let feature = binMapper.minimums.firstIndex(where: { !$0.isFinite }) { return "least value of feature \(feature)" }
        }
        return nil
    }

    /// Whether every number of `nodes` is finite: the check every training run ends
    /// with, so it only reads the numbers; the place of one that is not is put into
    /// words after.
    private static func allFinite(_ nodes: [RegressionTree.Node]) -> Bool {
        var finite = true
        for node in nodes {
            finite = finite && node.condition.isFinite && node.baseWeight.isFinite && node.lossChange.isFinite && node.sumHessian.isFinite
        }
        return finite
    }

    /// Throws unless every number of the model is finite (see `firstNonFiniteNumber`).
    func checkFinite() throws {
        guard let place = firstNonFiniteNumber else { return }
        throw Diagnostic.error(
            "the model holds a number that is not finite (\(place)), which a model file cannot hold",
            hint: "the labels or features are too large for float32 arithmetic; scale them down")
    }
}
