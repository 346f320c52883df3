/// Column statistics that skip missing values (NaN), computed the way NumPy does so
/// that fitted parameters match what a scikit-learn user would get.
///
/// Where NumPy's arithmetic overflows on finite values (the sum of two 1e308, the
/// square of a spread beyond 1e154) and the statistic itself is finite, it is
/// computed again in a way that cannot overflow, so a fitted parameter is never an
/// infinity that no JSON file can hold. Infinite inputs still give infinite results.
package enum Statistics {
    /// The values that are not NaN, in their original order.
    package static func present(_ values: [Double]) -> [Double] {
        values.filter { !$0.isNaN }
    }

    /// The arithmetic mean of the present values; NaN when there are none.
    package static func mean(_ values: [Double]) -> Double {
        var sum = 0.0, count = 0
        for value in values where !value.isNaN {
            sum += value
            count += 1
        }
        guard count > 0 else { return .nan }
        let mean = sum / Double(count)
        // The sum of finite values overflowed; the sum of the values divided by the count
        // cannot, but for rounding, which the bounds of the values undo.
        guard mean.isInfinite, !values.contains(where: \.isInfinite) else { return mean }
        var scaled = 0.0, lowest = Double.greatestFiniteMagnitude, highest = -Double.greatestFiniteMagnitude
        for value in values where !value.isNaN {
            scaled += value / Double(count)
            (lowest, highest) = (min(lowest, value), max(highest, value))
        }
        return min(max(scaled, lowest), highest)
    }

    /// The population standard deviation (dividing by n, as NumPy's default `ddof=0`
    /// and scikit-learn's StandardScaler do); NaN when no value is present.
    package static func standardDeviation(_ values: [Double]) -> Double {
        let center = mean(values)
        guard !center.isNaN else { return .nan }
        var sum = 0.0, count = 0
        for value in values where !value.isNaN {
            sum += (value - center) * (value - center)
            count += 1
        }
        let deviation = (sum / Double(count)).squareRoot()
        guard deviation.isInfinite, center.isFinite else { return deviation }
        // A difference or its square overflowed: halve the differences (which cannot
        // overflow) and divide them by the largest, so every square is at most 1.
        var largest = 0.0
        for value in values where !value.isNaN { largest = max(largest, abs(value / 2 - center / 2)) }
        var scaled = 0.0
        for value in values where !value.isNaN {
            let ratio = (value / 2 - center / 2) / largest
            scaled += ratio * ratio
        }
        // At most half the range of finite values, so finite but for rounding.
        return min((scaled / Double(count)).squareRoot() * 2 * largest, .greatestFiniteMagnitude)
    }

    /// The median of the present values (the mean of the middle two for an even
    /// count, as `numpy.nanmedian`); NaN when there are none.
    package static func median(_ values: [Double]) -> Double {
        let sorted = present(values).sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : midpoint(sorted[middle - 1], sorted[middle])
    }

    /// `(a + b) / 2`, or `a / 2 + b / 2` where the sum of finite `a` and `b` overflows.
    static func midpoint(_ a: Double, _ b: Double) -> Double {
        let half = (a + b) / 2
        return half.isInfinite && a.isFinite && b.isFinite ? a / 2 + b / 2 : half
    }

    /// The `q` quantile (0...1) of the present values with linear interpolation,
    /// NumPy's default method; NaN when there are none.
    package static func quantile(_ values: [Double], _ q: Double) -> Double {
        quantile(sorted: present(values).sorted(), q)
    }

    /// The `q` quantile of values that are already sorted and free of NaN.
    package static func quantile(sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty, !q.isNaN else { return .nan }
        let position = Double(sorted.count - 1) * min(max(q, 0), 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return interpolate(sorted[lower], sorted[upper], position - Double(lower))
    }

    /// The most frequent present value, the smallest one on ties; NaN when there are none.
    package static func mode(_ values: [Double]) -> Double {
        let sorted = present(values).sorted()
        var best = Double.nan, bestCount = 0
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count && sorted[end] == sorted[index] { end += 1 }
            // Strictly greater: on a tie the earlier, smaller value stays.
            if end - index > bestCount { best = sorted[index]; bestCount = end - index }
            index = end
        }
        return best
    }

    /// NumPy's `_lerp`: interpolating from the nearer end keeps results exact at the
    /// ends and bit-identical to NumPy in between. Where `b - a` overflows, the
    /// weighted sum, which cannot.
    private static func interpolate(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        if difference.isInfinite && a.isFinite && b.isFinite { return a * (1 - t) + b * t }
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }

    /// `high - low`, or the largest finite number where that difference of finite
    /// values overflows: a spread to divide by that stays finite.
    package static func spread(_ high: Double, _ low: Double) -> Double {
        let difference = high - low
        return difference.isInfinite && high.isFinite && low.isFinite ? .greatestFiniteMagnitude : difference
    }

    /// `value` brought into the finite numbers (NaN stays NaN): a bound computed as
    /// `q1 - k * iqr` may overflow although clamping to it means the same.
    package static func finite(_ value: Double) -> Double {
        value.isNaN ? value : min(max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
    }
}
