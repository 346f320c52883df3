import Basics
import Experiments
import Testing

@Suite struct ParamOverrideTests {
    @Test(arguments: [
        ("train.max_depth=8", "params.yaml", "train.max_depth", "8", 17),
        ("other.yaml:depth=4", "other.yaml", "depth", "4", 18),
        ("config/model.yaml:a.b=x=y", "config/model.yaml", "a.b", "x=y", 23),
        ("train.lr=choice(0.1, 0.3)", "params.yaml", "train.lr", "choice(0.1, 0.3)", 10),
    ])
    func readsFileKeyAndExpression(argument: String, file: String, key: String, expression: String, column: Int) throws {
        let override = try ParamOverride(argument: argument)
        #expect(override.file == file)
        #expect(override.key == key)
        #expect(override.expression == expression)
        #expect(override.expressionColumn == column)
    }

    @Test func displayKeyNamesOtherFiles() throws {
        #expect(try ParamOverride(argument: "train.lr=1").displayKey == "train.lr")
        #expect(try ParamOverride(argument: "other.yaml:lr=1").displayKey == "other.yaml:lr")
    }

    @Test(arguments: [
        ("train.max_depth", "at column 16: expected '='"),
        ("=3", "at column 1: the key before '=' is empty"),
        (":a=3", "the params file before ':' is empty"),
        ("train..lr=3", "at column 1: 'train..lr' is not a dotted key"),
        ("x.yaml:.lr=3", "at column 8: '.lr' is not a dotted key"),
        ("train.lr=", "at column 10: the value after '=' is empty"),
    ])
    func malformedArgumentsAreLocated(argument: String, expected: String) {
        #expect {
            _ = try ParamOverride(argument: argument)
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.cause == .configuration && diagnostic.message.contains(expected) && diagnostic.message.contains(argument)
        }
    }

    @Test func expressionErrorsPointIntoTheWholeArgument() throws {
        let override = try ParamOverride(argument: "train.max_depth=range(3,x)")
        let diagnostic = override.expressionError("expected a number", column: 9, hint: nil)
        #expect(diagnostic.message == "-S 'train.max_depth=range(3,x)' at column 25: expected a number")
    }
}
