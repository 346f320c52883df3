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
}
