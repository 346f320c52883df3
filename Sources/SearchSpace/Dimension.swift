// SearchSpace: the one place that declares the sweep syntax of Hydra (as DVC's
// `exp run -S` uses it): a plain value, `a,b,c`, `choice(…)`, `range(…)`, `uniform(…)`,
// `loguniform(…)`, `randint(…)`; the grid of several dimensions and seeded sampling.
//
// What this module must not know: params files, pipelines, experiments, models or
// hyperparameters. A dimension is a name and a domain; what the name means, and whether
// the values suit it, is the caller's to check. Errors are columns of the parsed text,
// so each caller can point into its own argument or file.

/// One dimension of a search: the parameter it sets and the values it may take.
package struct Dimension: Sendable, Hashable {
    /// The parameter's name as the caller spells it (`train.max_depth`, `max_depth`).
    package var name: String
    /// The values it may take.
    package var domain: SearchDomain

    /// Creates a dimension.
    package init(name: String, domain: SearchDomain) {
        self.name = name
        self.domain = domain
    }

    /// Parses `expression` (`range(3,9)`, `0.1`, `choice(gbtree,gblinear)`) as the domain
    /// of `name`. `column` is where the expression starts in the caller's text, so that
    /// errors point into that text rather than into the expression alone.
    package static func parse(name: String, expression: String, column: Int = 1) throws(SearchSpaceError) -> Dimension {
        var parser = ExpressionParser(expression, startColumn: column)
        do {
            return Dimension(name: name, domain: try parser.parseDomain())
        } catch {
            var located = error
            located.dimension = name
            throw located
        }
    }

    /// Parses a whole override argument, `key=expression` (as `-S` takes it); columns
    /// count from the argument's first character.
    package static func parse(override argument: String) throws(SearchSpaceError) -> Dimension {
        let scalars = Array(argument.unicodeScalars)
        guard let equals = scalars.firstIndex(of: "=") else {
            throw SearchSpaceError(
                "expected key=value", column: scalars.count + 1,
                hint: "write the parameter, then `=`, then a value or a sweep: train.max_depth=range(3,9)")
        }
        let name = String(String.UnicodeScalarView(scalars[..<equals])).trimmingWhitespace
        guard !name.isEmpty else { throw SearchSpaceError("the parameter name before `=` is empty", column: 1) }
        let expression = String(String.UnicodeScalarView(scalars[(equals + 1)...]))
        return try parse(name: name, expression: expression, column: equals + 2)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars.drop { $0 == " " || $0 == "\t" }
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)] == " " || scalars[scalars.index(before: end)] == "\t" {
            end = scalars.index(before: end)
        }
        return String(scalars[..<end])
    }
}
