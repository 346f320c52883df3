import Charts

/// Turns a plot's series into Charts' values by its template.
struct PlotCharts {
    /// Lines with at most this many points get a marker per point.
    static let markerLimit = 50

    let plot: RenderedPlot
    /// Whether each revision has one colour (comparing runs), rather than each series.
    let colorByRevision: Bool

    /// One chart, or for grids one per series (a chart shows one grid).
    func charts() -> [Chart] {
        let x = Axis(plot.xLabel), y = Axis(plot.yLabel)
        switch plot.template {
        case .linear, .simple, .scatter, .smooth:
            var notes: [String] = []
            let series = plot.series.map { values -> Series in
                let points = zip(values.x.numbers, values.y.numbers).map { ChartPoint($0, $1) }
                var series: Series
                switch plot.template {
                case .scatter: series = .scatter(values.name, points)
                case .simple: series = .line(values.name, points)
                case .smooth:
                    let window = Self.smoothingWindow(points.count)
                    if window > 1 { notes.append("\(values.name): moving average of \(window) points.") }
                    series = .line(values.name, Self.smoothed(points, window: window))
                default: series = .line(values.name, points, markers: points.count <= Self.markerLimit)
                }
                style(&series, values)
                return series
            }
            return [Chart(title: plot.title, x: x, y: y, series: series, notes: notes + plot.notes)]
        case .confusion, .confusionNormalized:
            let charts = plot.series.map { values in
                Chart(title: plot.series.count > 1 ? plot.title + " — " + values.name : plot.title, x: Axis(plot.xLabel, scale: .category),
                      y: Axis(plot.yLabel, scale: .category),
                      series: [.heatmap(values.name, Self.confusion(values, normalized: plot.template == .confusionNormalized))])
            }
            if charts.isEmpty { return [Chart(title: plot.title, notes: plot.notes)] }
            return charts.enumerated().map { index, chart in
                var chart = chart
                if index == charts.count - 1 { chart.notes += plot.notes }
                return chart
            }
        case .barHorizontal, .barHorizontalSorted:
            let series = plot.series.map { values -> Series in
                var bars = zip(values.y.texts, values.x.numbers).map { Bar($0, $1) }
                if plot.template == .barHorizontalSorted { bars.sort { $0.value > $1.value } }
                var series = Series.horizontalBars(values.name, bars)
                style(&series, values)
                return series
            }
            return [Chart(title: plot.title, x: x, y: Axis(plot.yLabel, scale: .category), series: series, notes: plot.notes)]
        }
    }

    /// One colour per revision when comparing runs (the revision's other series dashed), else the palette's order.
    private func style(_ series: inout Series, _ values: PlotSeriesValues) {
        guard colorByRevision else { return }
        series.color = Palette.color(nil, at: values.revisionIndex)
        if case .line = series.kind { series.dashed = values.indexInRevision % 2 == 1 }
    }

    /// About a twentieth of the points, odd so the average is centred; 1 (no smoothing) below 10 points.
    static func smoothingWindow(_ count: Int) -> Int {
        guard count >= 10 else { return 1 }
        let window = max(3, count / 20)
        return window % 2 == 1 ? window : window + 1
    }

    /// A centred moving average of y (of the finite values in the window), x kept.
    static func smoothed(_ points: [ChartPoint], window: Int) -> [ChartPoint] {
        guard window > 1 else { return points }
        let half = window / 2
        var sums = [Double](repeating: 0, count: points.count + 1), counts = [Int](repeating: 0, count: points.count + 1)
        for (index, point) in points.enumerated() {
            let finite = point.y.isFinite
            sums[index + 1] = sums[index] + (finite ? point.y : 0)
            counts[index + 1] = counts[index] + (finite ? 1 : 0)
        }
        return points.indices.map { index in
            let low = max(0, index - half), high = min(points.count, index + half + 1)
            let count = counts[high] - counts[low]
            return ChartPoint(points[index].x, count > 0 && points[index].y.isFinite ? (sums[high] - sums[low]) / Double(count) : .nan)
        }
    }

    /// Counts of (actual = x, predicted = y) pairs; columns are the actual classes, rows the
    /// predicted ones, both in the same order (numeric labels by value). Normalized: each
    /// actual class's column sums to 1.
    static func confusion(_ values: PlotSeriesValues, normalized: Bool) -> Matrix {
        let actual = values.x.texts, predicted = values.y.texts
        var labels = Array(Set(actual + predicted).subtracting([""]))
        labels.sort { a, b in
            if let x = Double(a), let y = Double(b), x != y { return x < y }
            return a < b
        }
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var counts = [[Double]](repeating: [Double](repeating: 0, count: labels.count), count: labels.count)
        for (a, p) in zip(actual, predicted) {
            guard let column = position[a], let row = position[p] else { continue }
            counts[row][column] += 1
        }
        if normalized {
            for column in labels.indices {
                let total = counts.reduce(0) { $0 + $1[column] }
                guard total > 0 else { continue }
                for row in labels.indices { counts[row][column] /= total }
            }
        }
        return Matrix(rows: labels, columns: labels, values: counts)
    }
}
