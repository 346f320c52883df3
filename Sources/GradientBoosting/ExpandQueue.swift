/// The nodes waiting to be split, popped in the order the growth policy wants
/// (XGBoost's Driver): a whole level at a time for depth-wise growth, or the single
/// node with the largest gain (earliest first on ties) for loss-guided growth.
struct ExpandQueue {
    /// A node and the best split found for it.
    struct Entry {
        /// The node's id.
        var node: Int
        /// The node's depth (root: 0).
        var depth: Int
        /// The split to apply.
        var split: SplitCandidate
        /// When the node was queued, to break ties in a fixed way.
        var timestamp: Int
    }

    private let policy: BoosterParameters.GrowPolicy
    private var entries: [Entry] = []
    private var clock = 0

    /// An empty queue for `policy`.
    init(policy: BoosterParameters.GrowPolicy) { self.policy = policy }

    /// Queues `node` with its split.
    mutating func push(node: Int, depth: Int, split: SplitCandidate) {
        entries.append(Entry(node: node, depth: depth, split: split, timestamp: clock))
        clock += 1
    }

    /// The next nodes to split; empty when none are left.
    mutating func pop() -> [Entry] {
        guard let depth = entries.map(\.depth).min() else { return [] }
        switch policy {
        case .depthwise:
            let batch = entries.filter { $0.depth == depth }.sorted { $0.timestamp < $1.timestamp }
            entries.removeAll { $0.depth == depth }
            return batch
        case .lossguide:
            var best = 0
            for (index, entry) in entries.enumerated().dropFirst() {
                let current = entries[best]
                if entry.split.lossChange > current.split.lossChange
                    || (entry.split.lossChange == current.split.lossChange && entry.timestamp < current.timestamp) {
                    best = index
                }
            }
            return [entries.remove(at: best)]
        }
    }
}
