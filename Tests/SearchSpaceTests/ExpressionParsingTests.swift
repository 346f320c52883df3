import SearchSpace
import Testing

@Suite struct ExpressionParsingTests {
    private func domain(_ expression: String) throws -> SearchDomain {
        try Dimension.parse(name: "x", expression: expression).domain
    }

    @Test(arguments: [
        ("5", SearchDomain.value(.int(5))),
        ("-3", .value(.int(-3))),
        ("0.1", .value(.double(0.1))),
        ("1e-3", .value(.double(0.001))),
        ("gbtree", .value(.string("gbtree"))),
        ("'a,b'", .value(.string("a,b"))),
        ("true", .value(.bool(true))),
        (" False ", .value(.bool(false))),
        ("2,8,64", .choice([.int(2), .int(8), .int(64)])),
        ("choice(0.1, 0.3, gbtree, true, \"x y\")", .choice([.double(0.1), .double(0.3), .string("gbtree"), .bool(true), .string("x y")])),
        ("range(3,9)", .integerRange(start: 3, stop: 9, step: 1)),
        ("range(0, 10, step=2)", .integerRange(start: 0, stop: 10, step: 2)),
        ("range(start=5, stop=0, step=-1)", .integerRange(start: 5, stop: 0, step: -1)),
        ("range(0,1,0.25)", .realRange(start: 0, stop: 1, step: 0.25, decimals: 2)),
        ("uniform(0.5, 1)", .uniform(low: 0.5, high: 1)),
        ("loguniform(0.01,0.3)", .logUniform(low: 0.01, high: 0.3)),
        ("randint(1, 10)", .randint(low: 1, high: 10)),
    ])
    func parsesEachForm(expression: String, expected: SearchDomain) throws {
        #expect(try domain(expression) == expected)
    }

    @Test func integerRangeExcludesItsEnd() throws {
        #expect(try domain("range(3,9)").values == [3, 4, 5, 6, 7, 8].map(SearchValue.int))
        #expect(try domain("range(0,10,3)").values == [0, 3, 6, 9].map(SearchValue.int))
        #expect(try domain("range(5,0,-2)").values == [5, 3, 1].map(SearchValue.int))
    }

    @Test func realRangeListsRoundedValuesBeforeItsEnd() throws {
        #expect(try domain("range(0,1,0.1)").values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map(SearchValue.double))
        #expect(try domain("range(0.5,2)").values == [0.5, 1.5].map(SearchValue.double))
    }

    @Test func randintListsItsIntegersWithoutTheHighEnd() throws {
        #expect(try domain("randint(1,4)").values == [1, 2, 3].map(SearchValue.int))
        #expect(try domain("uniform(0,1)").values == nil)
    }

    @Test func overrideArgumentSplitsAtTheFirstEquals() throws {
        let dimension = try Dimension.parse(override: "train.max_depth=range(3,9)")
        #expect(dimension.name == "train.max_depth")
        #expect(dimension.domain == .integerRange(start: 3, stop: 9, step: 1))
        #expect(try Dimension.parse(override: "params.yaml:train.tag=a=b").domain == .value(.string("a=b")))
    }

    @Test func domainsWriteBackAsExpressions() throws {
        for text in ["range(3,9)", "range(0,10,2)", "choice(0.1,gbtree,'true')", "uniform(0.5,1.0)", "loguniform(0.01,0.3)", "randint(1,10)"] {
            #expect(try domain(text).expression == text)
            #expect(try domain(domain(text).expression) == domain(text))
        }
    }

    @Test func valuesRenderAsYAMLThatReadsBackTheSame() {
        #expect(SearchValue.int(5).yamlText == "5")
        #expect(SearchValue.double(1).yamlText == "1.0")
        #expect(SearchValue.double(0.001).yamlText == "0.001")
        #expect(SearchValue.bool(true).yamlText == "true")
        #expect(SearchValue.string("gbtree").yamlText == "gbtree")
        #expect(SearchValue.string("true").yamlText == "'true'")
        #expect(SearchValue.string("12").yamlText == "'12'")
        #expect(SearchValue.string("it's: x").yamlText == "'it''s: x'")
    }

    @Test func sweepsAreToldFromPlainValues() throws {
        #expect(try !domain("5").isSweep)
        #expect(try !domain("choice(5)").isSweep)
        #expect(try domain("range(3,9)").isSweep)
        #expect(try domain("uniform(0,1)").isSweep)
        #expect(try domain("uniform(0,1)").isContinuous)
        #expect(try !domain("randint(0,3)").isContinuous)
    }
}
