import SearchSpace
import Testing

@Suite struct SweepTests {
    private func dimension(_ name: String, _ expression: String) throws(SearchSpaceError) -> Dimension {
        try Dimension.parse(name: name, expression: expression)
    }

    @Test func gridIsTheCartesianProductWithTheLastDimensionFastest() throws {
        let points = try Sweep.grid(of: [dimension("a", "range(1,3)"), dimension("b", "choice(p,q,r)")])
        #expect(points.count == 6)
        #expect(points.map(\.label) == ["a=1 b=p", "a=1 b=q", "a=1 b=r", "a=2 b=p", "a=2 b=q", "a=2 b=r"])
        #expect(try Sweep.gridSize(of: [dimension("a", "range(3,9)"), dimension("b", "0.1,0.3"), dimension("c", "7")]) == 12)
    }

    @Test func gridOfNoDimensionsIsOneEmptyPoint() throws {
        #expect(try Sweep.grid(of: []) == [SearchPoint([])])
    }

    @Test func continuousDomainInAGridIsAnError() throws {
        do {
            _ = try Sweep.grid(of: [dimension("lr", "uniform(0.01,0.3)")])
            Issue.record("expected an error")
        } catch {
            #expect(error.dimension == "lr")
            #expect(error.hint?.contains("--random") == true)
            #expect(error.hint?.contains("choice") == true)
        }
    }

    @Test func emptyDomainIsAnErrorInGridAndSample() {
        let empty = Dimension(name: "e", domain: .choice([]))
        #expect(throws: SearchSpaceError.self) { try Sweep.grid(of: [empty]) }
        #expect(throws: SearchSpaceError.self) { try Sweep.sample([empty], count: 3, seed: 1) }
    }

    @Test func oversizedGridIsAnError() throws {
        #expect(throws: SearchSpaceError.self) { try Sweep.grid(of: [dimension("a", "range(0,100000)"), dimension("b", "range(0,100)")]) }
    }

    @Test func samplingIsDeterministicForASeed() throws {
        let space = try [dimension("depth", "range(3,9)"), dimension("lr", "loguniform(0.01,0.3)"), dimension("sub", "uniform(0.5,1)")]
        let first = try Sweep.sample(space, count: 20, seed: 42)
        #expect(first == (try Sweep.sample(space, count: 20, seed: 42)))
        #expect(first != (try Sweep.sample(space, count: 20, seed: 43)))
        #expect(first.count == 20)
    }

    @Test func samplesStayInsideTheirDomains() throws {
        let space = try [
            dimension("depth", "range(3,9)"), dimension("lr", "loguniform(0.01,0.3)"), dimension("sub", "uniform(0.5,1)"),
            dimension("k", "randint(1,4)"), dimension("b", "choice(gbtree,gblinear)"),
        ]
        var depths = Set<SearchValue>()
        for point in try Sweep.sample(space, count: 500, seed: 7) {
            let depth = try #require(point["depth"]), lr = try #require(point["lr"]?.number), sub = try #require(point["sub"]?.number)
            #expect([3, 4, 5, 6, 7, 8].map(SearchValue.int).contains(depth))
            depths.insert(depth)
            #expect(lr >= 0.01 && lr < 0.3)
            #expect(sub >= 0.5 && sub < 1)
            #expect([1, 2, 3].map(SearchValue.int).contains(try #require(point["k"])))
            #expect([SearchValue.string("gbtree"), .string("gblinear")].contains(try #require(point["b"])))
        }
        #expect(depths.count == 6)
    }

    @Test func logUniformFavoursSmallValuesAsItsLogarithmIsUniform() throws {
        let points = try Sweep.sample([dimension("lr", "loguniform(0.001,1)")], count: 3000, seed: 3)
        let below = points.filter { ($0["lr"]?.number ?? 1) < 0.01 }.count
        // log10 is uniform over [-3, 0): a third of the draws fall below 0.01.
        #expect(abs(Double(below) / 3000 - 1.0 / 3) < 0.03)
    }

    @Test func discreteSamplesAreDistinctAndCapAtTheGrid() throws {
        let space = try [dimension("a", "range(0,4)"), dimension("b", "choice(x,y)")]
        let few = try Sweep.sample(space, count: 5, seed: 1)
        #expect(Set(few).count == 5)
        let all = try Sweep.sample(space, count: 50, seed: 1)
        #expect(all.count == 8)
        #expect(Set(all) == Set(try Sweep.grid(of: space)))
    }

    @Test func sampleCountMustBePositive() throws {
        #expect(throws: SearchSpaceError.self) { try Sweep.sample([dimension("a", "range(0,4)")], count: 0, seed: 1) }
    }
}
