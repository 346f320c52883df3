/// Column statistics that skip missing values (NaN), computed the way NumPy does so
/// that fitted parameters match what a scikit-learn user would get.
public enum Statistics {
    /// The values that are not NaN, in their original order.
    public static func present(_ values: [Double]) -> [Double] {
        values.filter { !$0.isNaN }
    }

    /// The arithmetic mean of the present values; NaN when there are none.
    public static func mean(_ values: [Double]) -> Double {
        var sum = 0.0, count = 0
        for value in values where !value.isNaN {
            sum += value
            count += 1
        }
        return count == 0 ? .nan : sum / Double(count)
    }

    /// The population standard deviation (dividing by n, as NumPy's default `ddof=0`
    /// and scikit-learn's StandardScaler do); NaN when no value is present.
    public static func standardDeviation(_ values: [Double]) -> Double {
        let center = mean(values)
        guard !center.isNaN else { return .nan }
        var sum = 0.0, count = 0
        for value in values where !value.isNaN {
            sum += (value - center) * (value - center)
            count += 1
        }
        return (sum / Double(count)).squareRoot()
    }

    /// The median of the present values (the mean of the middle two for an even
    /// count, as `numpy.nanmedian`); NaN when there are none.
    public static func median(_ values: [Double]) -> Double {
        let sorted = present(values).sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The `q` quantile (0...1) of the present values with linear interpolation,
    /// NumPy's default method; NaN when there are none.
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        quantile(sorted: present(values).sorted(), q)
    }

    /// The `q` quantile of values that are already sorted and free of NaN.
    public static func quantile(sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty, !q.isNaN else { return .nan }
        let position = Double(sorted.count - 1) * min(max(q, 0), 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return interpolate(sorted[lower], sorted[upper], position - Double(lower))
    }

    /// The most frequent present value, the smallest one on ties; NaN when there are none.
    public static func mode(_ values: [Double]) -> Double {
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
    /// ends and bit-identical to NumPy in between.
    private static func interpolate(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
