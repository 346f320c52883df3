import Basics
import SearchSpace
import Testing

@Suite struct ExpressionErrorTests {
    private func failure(_ expression: String) -> SearchSpaceError? {
        do {
            _ = try Dimension.parse(name: "x", expression: expression)
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsPointIntoTheOverrideArgument() throws {
        // The `)` where the stop was due is the 25th character of the argument.
        do {
            _ = try Dimension.parse(override: "train.max_depth=range(3,)")
            Issue.record("expected an error")
        } catch {
            #expect(error.column == 25)
            #expect(error.dimension == "train.max_depth")
            #expect(error.description.hasPrefix("error at column 25: "))
        }
    }

    @Test(arguments: [
        ("range(3,)", 9, "expected a value"),
        ("range(3)", 8, "range is missing its stop"),
        ("range(5,5)", 1, "range(5,5) has no values"),
        ("range(0,5,0)", 11, "the step of a range cannot be 0"),
        ("range(0,5,1,2)", 13, "range takes at most 3 arguments"),
        ("range(a,5)", 7, "range expects a number"),
        ("range(0,5,stp=1)", 11, "range has no parameter `stp`"),
        ("range(stop=5,0)", 14, "a value without a name cannot follow a named one"),
        ("range(0,5", 10, "expected `)`"),
        ("rnage(0,5)", 1, "unknown sweep function `rnage`"),
        ("choice()", 8, "choice() needs at least one value"),
        ("choice(1,range(1,2))", 15, "a sweep cannot take another sweep"),
        ("choice([1,2])", 8, "lists and mappings are not sweep values"),
        ("uniform(1,1)", 1, "uniform(1,1) is empty"),
        ("loguniform(0,1)", 12, "loguniform needs a low bound above 0"),
        ("randint(3,3)", 1, "randint(3,3) has no values"),
        ("randint(0.5,3)", 9, "randint expects an integer"),
        ("'open", 1, "unterminated quoted text"),
        ("", 1, "expected a value or a sweep"),
        ("range(1,2) x", 12, "unexpected `x`"),
        ("1,,2", 3, "expected a value"),
        ("null", 1, "null is not a value"),
        ("1e999", 1, "1e999 is not a finite number"),
    ])
    func malformedExpressionsAreLocated(expression: String, column: Int, message: String) throws {
        let error = try #require(failure(expression))
        #expect(error.column == column, "\(expression): \(error)")
        #expect(error.message.hasPrefix(message), "\(expression): \(error)")
    }

    @Test func unknownFunctionSuggestsTheNearest() throws {
        #expect(try #require(failure("rnage(0,5)")).hint?.contains("`range`") == true)
        #expect(try #require(failure("interval(0,1)")).hint?.contains("`uniform`") == true)
    }

    @Test func missingEqualsIsReported() {
        #expect(throws: SearchSpaceError.self) { try Dimension.parse(override: "train.max_depth") }
        #expect(throws: SearchSpaceError.self) { try Dimension.parse(override: "=5") }
    }

    @Test func diagnosticShiftsTheColumnFromTheExpressionsStart() throws {
        let error = try #require(failure("range(3,)"))
        let diagnostic = error.diagnostic(at: SourceLocation(file: "params.yaml", line: 4, column: 16))
        #expect(diagnostic.location == SourceLocation(file: "params.yaml", line: 4, column: 24))
        #expect(diagnostic.cause == .configuration)
    }
}
