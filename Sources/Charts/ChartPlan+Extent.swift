import Basics
/// The range of values one numeric axis must show.
struct Extent {
    /// The axis as the chart declares it.
    let axis: Axis
    /// `x` or `y`, for notes.
    let name: String
    /// Whether zero belongs in the range (bars grow from zero).
    var includesZero = false
    var low = Double.infinity
    var high = -Double.infinity

    /// Whether `value` can be placed on this axis.
    func accepts(_ value: Double) -> Bool { value.isFinite && (axis.scale != .log || value > 0) }

    /// Widens the range to `value`.
    mutating func add(_ value: Double) {
        low = min(low, value)
        high = max(high, value)
    }
}

extension ChartPlan {
    /// Category labels in the axis's declared order, then new ones as the series name them.
    static func categories(_ axis: Axis, _ series: [Series]) -> [String] {
        var labels = axis.categories
        var seen = Set(labels)
        for entry in series {
            switch entry.kind {
            case .bars(let bars), .horizontalBars(let bars):
                for bar in bars where seen.insert(bar.label).inserted { labels.append(bar.label) }
            default: break
            }
        }
        return labels
    }

    /// Counts a value an axis cannot show, under the reason it cannot.
    mutating func skip(_ value: Double, _ extent: Extent) {
        if !value.isFinite { missing += 1 } else { nonPositive[extent.name, default: 0] += 1 }
    }

    /// Adds the drawable coordinates of a line, scatter or histogram series to the extents.
    mutating func collectNumeric(_ kind: Series.Kind, _ xs: inout Extent, _ ys: inout Extent) {
        switch kind {
        case .line(let points, _), .scatter(let points):
            for point in points {
                if !xs.accepts(point.x) { skip(point.x, xs) } else if !ys.accepts(point.y) { skip(point.y, ys) } else {
                    xs.add(point.x)
                    ys.add(point.y)
                }
            }
        case .histogram(let edges, let counts):
            if ys.axis.scale != .log { ys.includesZero = true }
            for bin in 0..<max(0, min(counts.count, edges.count - 1)) {
                let (start, end, count) = (edges[bin], edges[bin + 1], counts[bin])
                if !xs.accepts(start) { skip(start, xs) } else if !xs.accepts(end) { skip(end, xs) } else if !ys.accepts(count) { skip(count, ys) } else {
                    xs.add(start)
                    xs.add(end)
                    ys.add(count)
                }
            }
        default: break
        }
    }

    /// Adds the drawable values of a bar series to the value axis's extent.
    mutating func collectBars(_ kind: Series.Kind, _ values: inout Extent) {
        switch kind {
        case .bars(let bars), .horizontalBars(let bars): for bar in bars { add(bar.value, &values) }
        default: break
        }
    }

    /// Adds `value` to `extent`, or counts it as skipped.
    private mutating func add(_ value: Double, _ extent: inout Extent) {
        if extent.accepts(value) { extent.add(value) } else { skip(value, extent) }
    }

    /// The ticks for an extent: the fixed domain when the axis has a usable one, else fitted.
    mutating func finish(_ extent: Extent) -> AxisPlan {
        let isLog = extent.axis.scale == .log
        if let fixed = extent.axis.domain {
            if fixed.lowerBound.isFinite && fixed.upperBound.isFinite && (!isLog || fixed.lowerBound > 0) && fixed.upperBound > fixed.lowerBound {
                return .numeric(isLog ? .log(fixed.lowerBound, fixed.upperBound, fixed: true) : .linear(fixed.lowerBound, fixed.upperBound, fixed: true), isLog: isLog)
            }
            notes.append("The fixed range of \(extent.name) cannot be used (\(NumberFormat.human(fixed.lowerBound)) to \(NumberFormat.human(fixed.upperBound))); the data's range is shown.")
        }
        var (low, high) = (extent.low, extent.high)
        if extent.includesZero && !isLog {
            low = min(low, 0)
            high = max(high, 0)
        }
        guard low <= high else { return .numeric(isLog ? .log(1, 10) : .linear(0, 1), isLog: isLog) }
        return .numeric(isLog ? .log(low, high) : .linear(low, high), isLog: isLog)
    }
}
