import Basics
import Testing

@Suite struct GraphTests {
    @Test func topologicalOrderBreaksTiesByIndex() {
        // 3 → 1, 2 → 1, 0 alone
        let graph = Graph(count: 4, edges: [(3, 1), (2, 1)])
        #expect(graph.topologicalOrder() == [0, 2, 3, 1])
    }

    @Test func cycleIsReportedAlongItsEdges() {
        let graph = Graph(count: 4, edges: [(0, 1), (1, 2), (2, 3), (3, 1)])
        #expect(graph.topologicalOrder() == nil)
        #expect(graph.findCycle() == [1, 2, 3, 1])
    }

    @Test func acyclicGraphHasNoCycle() {
        #expect(Graph(count: 3, edges: [(0, 1), (0, 2), (1, 2)]).findCycle() == nil)
    }

    @Test func selfLoopIsACycle() {
        #expect(Graph(count: 2, edges: [(1, 1)]).findCycle() == [1, 1])
    }

    @Test func ancestorsAndDescendants() {
        // 0 → 1 → 3, 2 → 3, 3 → 4
        let graph = Graph(count: 5, edges: [(0, 1), (1, 3), (2, 3), (3, 4)])
        #expect(graph.ancestors(of: [3]) == [0, 1, 2, 3])
        #expect(graph.descendants(of: [1]) == [1, 3, 4])
    }

    @Test func topologicalOrderMatchesSmallestReadyFirstOnRandomGraphs() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<20 {
            let count = 1 + random.nextIndex(below: 60)
            var edges: [(from: Int, to: Int)] = []
            for _ in 0..<random.nextIndex(below: 3 * count) {
                let a = random.nextIndex(below: count), b = random.nextIndex(below: count)
                if a != b { edges.append((min(a, b), max(a, b))) }
            }
            // Relabel so edges do not always point to larger indices.
            var labels = Array(0..<count)
            random.shuffle(&labels)
            let graph = Graph(count: count, edges: edges.map { (labels[$0.from], labels[$0.to]) })
            #expect(graph.topologicalOrder() == Self.smallestReadyFirst(graph))
        }
    }

    @Test func aLongChainIsOrderedAndItsCycleFoundWithoutDeepRecursion() {
        let count = 200_000
        let chain = (0..<count - 1).map { (from: $0, to: $0 + 1) }
        let acyclic = Graph(count: count, edges: chain)
        #expect(acyclic.findCycle() == nil)
        #expect(acyclic.topologicalOrder() == Array(0..<count))
        let cyclic = Graph(count: count, edges: chain + [(count - 1, 0)])
        let cycle = cyclic.findCycle()
        #expect(cycle?.count == count + 1)
        #expect(cycle?.first == 0 && cycle?.last == 0 && cycle?[count - 1] == count - 1)
        #expect(cyclic.topologicalOrder() == nil)
    }

    @Test func manyIndependentNodesComeInIndexOrder() {
        let graph = Graph(count: 100_000, edges: [(99_999, 0)])
        #expect(graph.topologicalOrder() == Array(1..<100_000) + [0])
    }

    /// Kahn's algorithm taking the smallest ready node by a scan: the reference order.
    private static func smallestReadyFirst(_ graph: Graph) -> [Int]? {
        var indegree = graph.predecessors.map(\.count)
        var done = Set<Int>()
        var order: [Int] = []
        while let node = (0..<graph.count).first(where: { indegree[$0] == 0 && !done.contains($0) }) {
            done.insert(node)
            order.append(node)
            for next in graph.successors[node] { indegree[next] -= 1 }
        }
        return order.count == graph.count ? order : nil
    }
}
