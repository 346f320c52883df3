import Basics
/// Lines and scatter points.
extension SVGRenderer {
    /// Markers and per-point hover titles are drawn only up to these counts: beyond them
    /// markers merge into a blob and the titles would dominate the page's size.
    static let markerLimit = 500
    static let pointTitleLimit = 2_000

    /// The hover text of a data point.
    static func pointTitle(_ name: String, _ point: ChartPoint) -> String {
        (name.isEmpty ? "" : name + ": ") + "x = " + NumberFormat.human(point.x) + ", y = " + NumberFormat.human(point.y)
    }

    /// A polyline through the drawable points; a point that cannot be drawn breaks the
    /// line rather than joining its neighbours across the gap.
    func drawLine(
        _ name: String, _ points: [ChartPoint], markers: Bool, dashed: Bool, _ color: Color, _ xMap: AxisMap, _ yMap: AxisMap, _ frame: Frame,
        _ svg: inout SVGWriter
    ) {
        var segments: [[Thinning.Pixel]] = [[]]
        for (index, point) in points.enumerated() {
            if let x = xMap.position(point.x), let y = yMap.position(point.y) {
                segments[segments.count - 1].append(Thinning.Pixel(x: x, y: y, index: index))
            } else if !(segments.last?.isEmpty ?? true) {
                segments.append([])
            }
        }
        let total = segments.reduce(0) { $0 + $1.count }
        // Each piece gets the column budget in proportion to its share of the points.
        let thinned = segments.filter { !$0.isEmpty }.map { segment in
            Thinning.line(segment, columns: max(1, Int(frame.plotWidth * Double(segment.count) / Double(max(total, 1)))))
        }
        var path = ""
        for segment in thinned {
            for (offset, pixel) in segment.enumerated() {
                path += (offset == 0 ? "M" : "L") + SVGWriter.number(pixel.x) + " " + SVGWriter.number(pixel.y)
            }
        }
        guard !path.isEmpty else { return }
        let single = thinned.allSatisfy { $0.count == 1 }
        var attributes = [("d", path), ("fill", "none"), ("stroke", color.hex), ("stroke-width", "2"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
        if dashed { attributes.append(("stroke-dasharray", "6 4")) }
        svg.element("path", attributes, title: name.isEmpty ? nil : name)
        let drawn = thinned.flatMap { $0 }
        // A lone point is invisible as a path: mark it even when markers were not asked for.
        guard markers && drawn.count <= Self.markerLimit || single else { return }
        for pixel in drawn {
            svg.element("circle", [("cx", SVGWriter.number(pixel.x)), ("cy", SVGWriter.number(pixel.y)), ("r", "3"), ("fill", color.hex)], title: Self.pointTitle(name, points[pixel.index]))
        }
    }

    /// A dot per drawable point, thinned to a grid when there are very many.
    func drawScatter(_ name: String, _ points: [ChartPoint], _ color: Color, _ xMap: AxisMap, _ yMap: AxisMap, _ frame: Frame, _ svg: inout SVGWriter) {
        var pixels: [Thinning.Pixel] = []
        for (index, point) in points.enumerated() {
            if let x = xMap.position(point.x), let y = yMap.position(point.y) { pixels.append(Thinning.Pixel(x: x, y: y, index: index)) }
        }
        let drawn = Thinning.scatter(pixels, width: frame.plotWidth, height: frame.plotHeight)
        let titled = drawn.count <= Self.pointTitleLimit
        svg.raw("<g class=\"scatter\" fill=\"\(color.hex)\" fill-opacity=\"0.75\">\n")
        for pixel in drawn {
            svg.element("circle", [("cx", SVGWriter.number(pixel.x)), ("cy", SVGWriter.number(pixel.y)), ("r", "2.5")], title: titled ? Self.pointTitle(name, points[pixel.index]) : nil)
        }
        svg.raw("</g>\n")
    }
}
