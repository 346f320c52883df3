/// The values one dimension of a search may take, as its expression declares them.
///
/// Discrete domains (a plain value, `choice`, `range`, `randint`) can be listed and so
/// expanded into a grid; `uniform` and `loguniform` are continuous and can only be sampled.
package enum SearchDomain: Sendable, Hashable {
    /// One fixed value: a plain override, not a sweep.
    case value(SearchValue)
    /// `choice(a, b, …)` or `a,b,…`: these values, in this order.
    case choice([SearchValue])
    /// `range(start, stop, step)` over integers: `stop` excluded, as Python's range.
    case integerRange(start: Int, stop: Int, step: Int)
    /// `range(start, stop, step)` with a real bound or step: `start + i·step` while before
    /// `stop`, each rounded to `decimals` places (the most any bound or the step was written with).
    case realRange(start: Double, stop: Double, step: Double, decimals: Int)
    /// `uniform(low, high)`: any real in `[low, high)`, equally likely.
    case uniform(low: Double, high: Double)
    /// `loguniform(low, high)`: a real in `[low, high)` whose logarithm is uniform (`low > 0`).
    case logUniform(low: Double, high: Double)
    /// `randint(low, high)`: an integer in `low..<high`, as numpy's `randint`.
    case randint(low: Int, high: Int)

    /// Whether the domain has no list of values (and so no grid).
    package var isContinuous: Bool {
        switch self {
        case .uniform, .logUniform: true
        case .value, .choice, .integerRange, .realRange, .randint: false
        }
    }

    /// Whether the domain has more than one value: a sweep rather than a plain override.
    package var isSweep: Bool {
        switch self {
        case .value: false
        case .choice(let values): values.count > 1
        default: count != 1
        }
    }

    /// How many values a discrete domain lists; `nil` for a continuous one.
    package var count: Int? {
        switch self {
        case .value: 1
        case .choice(let values): values.count
        case .integerRange(let start, let stop, let step): Self.integerCount(start: start, stop: stop, step: step) ?? Int.max
        case .realRange(let start, let stop, let step, _): Self.realCount(start: start, stop: stop, step: step) ?? Int.max
        case .randint(let low, let high): high > low ? high.subtractingReportingOverflow(low).partialValue : 0
        case .uniform, .logUniform: nil
        }
    }

    /// The value at `index` of a discrete domain's list (`0..<count`); `nil` outside it
    /// or for a continuous domain.
    package func value(at index: Int) -> SearchValue? {
        guard let count, index >= 0, index < count else { return nil }
        switch self {
        case .value(let value): return value
        case .choice(let values): return values[index]
        case .integerRange(let start, _, let step): return .int(start + index * step)
        case .realRange(let start, _, let step, let decimals):
            return .double(Self.rounded(start + Double(index) * step, decimals: decimals))
        case .randint(let low, _): return .int(low + index)
        case .uniform, .logUniform: return nil
        }
    }

    /// Every value of a discrete domain, in order; `nil` for a continuous one.
    /// Callers check `count` first: a range may list more values than fit in memory.
    package var values: [SearchValue]? {
        guard let count else { return nil }
        return (0..<count).compactMap { value(at: $0) }
    }

    /// The domain written back as an expression (`range(3,9)`, `loguniform(0.01,0.3)`).
    package var expression: String {
        switch self {
        case .value(let value): value.yamlText
        case .choice(let values): "choice(" + values.map(\.yamlText).joined(separator: ",") + ")"
        case .integerRange(let start, let stop, let step): "range(\(start),\(stop)" + (step == 1 ? ")" : ",\(step))")
        case .realRange(let start, let stop, let step, _):
            "range(\(SearchValue.double(start)),\(SearchValue.double(stop)),\(SearchValue.double(step)))"
        case .uniform(let low, let high): "uniform(\(SearchValue.double(low)),\(SearchValue.double(high)))"
        case .logUniform(let low, let high): "loguniform(\(SearchValue.double(low)),\(SearchValue.double(high)))"
        case .randint(let low, let high): "randint(\(low),\(high))"
        }
    }

    /// The number of integers `start, start+step, …` before `stop`; `nil` when it overflows.
    static func integerCount(start: Int, stop: Int, step: Int) -> Int? {
        let (distance, overflow) = stop.subtractingReportingOverflow(start)
        guard !overflow, step != 0 else { return nil }
        if step > 0 { return distance > 0 ? (distance - 1) / step + 1 : 0 }
        return distance < 0 ? (distance + 1) / step + 1 : 0
    }

    /// The number of reals `start + i·step` before `stop`; `nil` when not finite or too many for an `Int`.
    static func realCount(start: Double, stop: Double, step: Double) -> Int? {
        let steps = ((stop - start) / step).rounded(.up)
        guard steps.isFinite, step != 0 else { return nil }
        guard steps > 0 else { return 0 }
        guard steps < 0x1p62 else { return nil }
        var count = Int(steps)
        // Rounding can leave the last value on `stop` itself, which the range excludes.
        while count > 0, step > 0 ? start + Double(count - 1) * step >= stop : start + Double(count - 1) * step <= stop {
            count -= 1
        }
        return count
    }

    /// `value` rounded to `decimals` places, so `range(0,1,0.1)` lists 0.3 and not 0.30000000000000004.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard decimals < 16 else { return value }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let result = (value * scale).rounded() / scale
        return result.isFinite ? result : value
    }
}
