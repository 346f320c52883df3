import Basics
/// A matrix as coloured cells with their values written in them.
extension SVGRenderer {
    /// Cells shaded from near white (the smallest value) to dark blue (the largest), each
    /// value written in the cell when it fits, in white on dark cells; hover text names
    /// the row and column. Missing cells are light grey.
    func drawHeatmap(_ matrix: Matrix, _ frame: Frame, _ svg: inout SVGWriter) {
        let rows = matrix.rows.count, columns = matrix.columns.count
        guard rows > 0, columns > 0 else { return }
        var low = Double.infinity, high = -Double.infinity
        for row in 0..<rows {
            for column in 0..<columns {
                if let value = matrix.value(row, column) {
                    low = min(low, value)
                    high = max(high, value)
                }
            }
        }
        let cellWidth = frame.plotWidth / Double(columns), cellHeight = frame.plotHeight / Double(rows)
        svg.raw("<g class=\"heatmap\">\n")
        for row in 0..<rows {
            for column in 0..<columns {
                let x = Double(column) * cellWidth, y = Double(row) * cellHeight
                let value = matrix.value(row, column)
                let place = matrix.rows[row] + " / " + matrix.columns[column] + ": "
                guard let value else {
                    svg.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: "#f4f4f4", title: place + "missing")
                    continue
                }
                let fraction = high > low ? (value / 2 - low / 2) / (high / 2 - low / 2) : 0.5
                let fill = Palette.heatLow.mixed(with: Palette.heatHigh, fraction)
                let text = NumberFormat.human(value)
                svg.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: fill.hex, title: place + text)
                if Double(text.count) * Self.characterWidth + 4 <= cellWidth && cellHeight >= 14 {
                    let ink = fill.luminance < 0.5 ? "#ffffff" : Self.ink
                    svg.label(text, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", extra: [("fill", ink)])
                }
            }
        }
        svg.raw("</g>\n")
    }
}
