/// A directed graph over nodes `0..<count`, as plain data.
///
/// An edge `a → b` means "b depends on a" (a must come first). The algorithms are
/// deterministic: ties are broken by node index, so orders never vary between runs.
public struct Graph: Sendable, Hashable {
    /// The number of nodes.
    public let count: Int
    /// `successors[a]` lists every `b` with an edge `a → b`, sorted.
    public private(set) var successors: [[Int]]
    /// `predecessors[b]` lists every `a` with an edge `a → b`, sorted.
    public private(set) var predecessors: [[Int]]

    /// Creates a graph with `count` nodes and the given edges (duplicates are merged).
    public init(count: Int, edges: [(from: Int, to: Int)]) {
        self.count = count
        var successors = [Set<Int>](repeating: [], count: count)
        var predecessors = [Set<Int>](repeating: [], count: count)
        for edge in edges {
            successors[edge.from].insert(edge.to)
            predecessors[edge.to].insert(edge.from)
        }
        self.successors = successors.map { $0.sorted() }
        self.predecessors = predecessors.map { $0.sorted() }
    }

    /// A topological order (Kahn's algorithm, smallest ready index first), or `nil` when there is a cycle.
    public func topologicalOrder() -> [Int]? {
        var indegree = predecessors.map(\.count)
        var ready = (0..<count).filter { indegree[$0] == 0 }.reversed() as [Int]
        var order: [Int] = []
        order.reserveCapacity(count)
        while let node = ready.popLast() {
            order.append(node)
            var released: [Int] = []
            for next in successors[node] {
                indegree[next] -= 1
                if indegree[next] == 0 { released.append(next) }
            }
            // Keep `ready` sorted descending so popLast yields the smallest index.
            ready.append(contentsOf: released)
            ready.sort(by: >)
        }
        return order.count == count ? order : nil
    }

    /// One cycle, as the nodes along it with the first repeated at the end
    /// (`[a, b, c, a]`), or `nil` when the graph is acyclic.
    public func findCycle() -> [Int]? {
        enum Mark { case unvisited, active, done }
        var marks = [Mark](repeating: .unvisited, count: count)
        var stack: [Int] = []
        func visit(_ node: Int) -> [Int]? {
            marks[node] = .active
            stack.append(node)
            for next in successors[node] {
                switch marks[next] {
                case .active:
                    let start = stack.firstIndex(of: next) ?? 0
                    return Array(stack[start...]) + [next]
                case .unvisited:
                    if let cycle = visit(next) { return cycle }
                case .done: continue
                }
            }
            stack.removeLast()
            marks[node] = .done
            return nil
        }
        for node in 0..<count where marks[node] == .unvisited {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }

    /// Every node reachable from `roots` by following edges backwards (their upstream), roots included.
    public func ancestors(of roots: [Int]) -> Set<Int> { reach(from: roots, along: predecessors) }

    /// Every node reachable from `roots` by following edges forwards (their downstream), roots included.
    public func descendants(of roots: [Int]) -> Set<Int> { reach(from: roots, along: successors) }

    private func reach(from roots: [Int], along adjacency: [[Int]]) -> Set<Int> {
        var seen = Set(roots)
        var frontier = roots
        while let node = frontier.popLast() {
            for next in adjacency[node] where seen.insert(next).inserted { frontier.append(next) }
        }
        return seen
    }
}
