/// Reduces very long series to what a plot can show, so a page of 10⁶-point series
/// stays small (well under 2 MB) and draws fast, without changing the picture.
///
/// Lines keep, for each run of consecutive points in the same pixel column, the first,
/// the lowest, the highest and the last point, in their original order (the M4 rule:
/// at pixel resolution the drawn line is the same, spikes and the series' first and
/// last points included). When x increases along the series that is at most four points
/// per pixel column. Scatter series keep the first point in each cell of a pixel grid
/// coarse enough that at most `scatterLimit` markers remain.
enum Thinning {
    /// Lines with at most this many points per pixel column of the plot are drawn whole.
    static let pointsPerColumn = 4
    /// The most markers a scatter series draws.
    static let scatterLimit = 10_000

    /// A point in pixels, with the index of the data point it came from (for hover text).
    struct Pixel: Equatable {
        var x: Double
        var y: Double
        var index: Int
    }

    /// `points` (pixel positions, in line order) thinned for a plot `columns` pixels wide.
    static func line(_ points: [Pixel], columns: Int) -> [Pixel] {
        guard points.count > pointsPerColumn * max(columns, 1) else { return points }
        var kept: [Pixel] = []
        var start = 0
        while start < points.count {
            let column = Int(points[start].x.rounded(.down))
            var end = start + 1
            var low = start, high = start
            while end < points.count && Int(points[end].x.rounded(.down)) == column {
                if points[end].y < points[low].y { low = end }
                if points[end].y > points[high].y { high = end }
                end += 1
            }
            // Index order, each point once: first, the two extremes, last.
            var run = [start, low, high, end - 1]
            run.sort()
            var previous = -1
            for index in run where index != previous {
                kept.append(points[index])
                previous = index
            }
            start = end
        }
        return kept
    }

    /// `points` thinned to one per grid cell, the cell sized so at most `scatterLimit` remain.
    static func scatter(_ points: [Pixel], width: Double, height: Double) -> [Pixel] {
        guard points.count > scatterLimit else { return points }
        let area = max(width, 1) * max(height, 1)
        var cell = max(1, (area / Double(scatterLimit)).squareRoot().rounded(.up))
        // Points outside the plot (clamped far away) need cells too: size the grid by their spread.
        var kept: [Pixel] = []
        while true {
            var seen = Set<Int64>()
            kept.removeAll(keepingCapacity: true)
            for point in points {
                let key = Int64((point.x / cell).rounded(.down)) &* 1_000_003 &+ Int64((point.y / cell).rounded(.down))
                if seen.insert(key).inserted { kept.append(point) }
            }
            if kept.count <= scatterLimit { return kept }
            cell *= 2
        }
    }
}
