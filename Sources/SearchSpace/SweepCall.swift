/// A parsed sweep function call (`range(3,9,step=2)`) and the rules that turn it into a
/// domain: argument counts and names, numbers where numbers are due, non-empty domains.
struct SweepCall {
    /// The function's name.
    var name: String
    /// Its parameters in positional order (empty for `choice`, which takes any number of values).
    var parameters: [String]
    /// The column of the name, where errors about the whole call point.
    var column: Int
    /// The column of the closing parenthesis, where a missing argument is reported.
    var closeColumn: Int
    /// The arguments as written.
    var arguments: [ExpressionParser.Item]

    /// The domain the call declares.
    func domain() throws(SearchSpaceError) -> SearchDomain {
        if name == "choice" {
            if let named = arguments.first(where: { $0.keyword != nil }) {
                throw SearchSpaceError("choice takes values, not named arguments", column: named.column)
            }
            guard !arguments.isEmpty else {
                throw SearchSpaceError("choice() needs at least one value", column: closeColumn, hint: "for example choice(0.1,0.3)")
            }
            return .choice(arguments.map(\.value))
        }
        let (required, step) = try boundArguments()
        switch name {
        case "range": return try range(required[0], required[1], step)
        case "randint":
            let low = try integer(required[0]), high = try integer(required[1])
            guard high > low else {
                throw SearchSpaceError("randint(\(low),\(high)) has no values: the high end is excluded", column: column,
                                       hint: "make high greater than low")
            }
            guard !high.subtractingReportingOverflow(low).overflow else {
                throw SearchSpaceError("randint(\(low),\(high)) has too many values", column: column)
            }
            return .randint(low: low, high: high)
        default:
            let low = try number(required[0]), high = try number(required[1])
            if name == "loguniform", low <= 0 {
                throw SearchSpaceError("loguniform needs a low bound above 0, not \(required[0].text)", column: required[0].column)
            }
            guard high > low else {
                throw SearchSpaceError("\(name)(\(required[0].text),\(required[1].text)) is empty: low must be below high", column: column)
            }
            return name == "uniform" ? .uniform(low: low, high: high) : .logUniform(low: low, high: high)
        }
    }

    /// `range(start, stop[, step])`: integers when every argument is one, reals otherwise.
    private func range(
        _ start: ExpressionParser.Item, _ stop: ExpressionParser.Item, _ step: ExpressionParser.Item?
    ) throws(SearchSpaceError) -> SearchDomain {
        let written = "range(\(start.text),\(stop.text)\(step.map { ",\($0.text)" } ?? ""))"
        if case .int(let first) = start.value, case .int(let last) = stop.value {
            var increment = 1
            if let step {
                guard case .int(let value) = step.value else { return try realRange(start, stop, step, written) }
                increment = value
            }
            guard increment != 0 else { throw SearchSpaceError("the step of a range cannot be 0", column: step?.column ?? column) }
            guard let count = SearchDomain.integerCount(start: first, stop: last, step: increment) else {
                throw SearchSpaceError("\(written) has too many values", column: column)
            }
            guard count > 0 else { throw emptyRange(written, backwards: increment < 0) }
            return .integerRange(start: first, stop: last, step: increment)
        }
        return try realRange(start, stop, step, written)
    }

    private func realRange(
        _ start: ExpressionParser.Item, _ stop: ExpressionParser.Item, _ step: ExpressionParser.Item?, _ written: String
    ) throws(SearchSpaceError) -> SearchDomain {
        let first = try number(start), last = try number(stop)
        let increment = try step.map { item throws(SearchSpaceError) in try number(item) } ?? 1
        guard increment != 0 else { throw SearchSpaceError("the step of a range cannot be 0", column: step?.column ?? column) }
        guard let count = SearchDomain.realCount(start: first, stop: last, step: increment) else {
            throw SearchSpaceError("\(written) has too many values", column: column)
        }
        guard count > 0 else { throw emptyRange(written, backwards: increment < 0) }
        let decimals = [start, stop, step].compactMap { $0 }.map { ExpressionParser.decimals($0.text) }.max() ?? 0
        return .realRange(start: first, stop: last, step: increment, decimals: decimals)
    }

    private func emptyRange(_ written: String, backwards: Bool) -> SearchSpaceError {
        SearchSpaceError(
            "\(written) has no values: the end is excluded", column: column,
            hint: backwards ? "with a negative step, start must be above the end" : "make the end greater than the start")
    }

    /// The required arguments in parameter order, and the optional one (a range's step)
    /// when given, after checking names, counts and that every required parameter has a value.
    private func boundArguments() throws(SearchSpaceError) -> (required: [ExpressionParser.Item], optional: ExpressionParser.Item?) {
        var bound = [ExpressionParser.Item?](repeating: nil, count: parameters.count)
        var sawKeyword = false
        for (index, argument) in arguments.enumerated() {
            let slot: Int
            if let keyword = argument.keyword {
                guard let named = parameters.firstIndex(of: keyword) else {
                    throw SearchSpaceError(
                        "\(name) has no parameter `\(keyword)`", column: argument.column,
                        hint: "its parameters are \(parameters.joined(separator: ", "))")
                }
                slot = named
                sawKeyword = true
            } else {
                guard !sawKeyword else {
                    throw SearchSpaceError("a value without a name cannot follow a named one", column: argument.column)
                }
                guard index < parameters.count else {
                    throw SearchSpaceError("\(name) takes at most \(parameters.count) arguments", column: argument.column,
                                           hint: "\(name)(\(parameters.joined(separator: ", ")))")
                }
                slot = index
            }
            guard bound[slot] == nil else {
                throw SearchSpaceError("\(parameters[slot]) is given twice", column: argument.column)
            }
            bound[slot] = argument
        }
        let required = name == "range" ? 2 : parameters.count
        let given = bound.prefix(required).compactMap { $0 }
        if given.count < required, let missing = (0..<required).first(where: { bound[$0] == nil }) {
            throw SearchSpaceError(
                "\(name) is missing its \(parameters[missing])", column: closeColumn,
                hint: "\(name)(\(parameters.prefix(required).joined(separator: ", "))\(required < parameters.count ? "[, \(parameters[required])]" : ""))")
        }
        return (given, required < bound.count ? bound[required] : nil)
    }

    private func number(_ item: ExpressionParser.Item?) throws(SearchSpaceError) -> Double {
        guard let item, let value = item.value.number else {
            throw SearchSpaceError("\(name) expects a number, not `\(item?.text ?? "")`", column: item?.column ?? closeColumn)
        }
        return value
    }

    private func integer(_ item: ExpressionParser.Item?) throws(SearchSpaceError) -> Int {
        guard let item, case .int(let value) = item.value else {
            throw SearchSpaceError("\(name) expects an integer, not `\(item?.text ?? "")`", column: item?.column ?? closeColumn)
        }
        return value
    }
}
