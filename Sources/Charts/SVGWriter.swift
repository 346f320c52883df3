/// Builds SVG text: elements with coordinates at a fixed two decimals, so the same
/// chart always gives the same bytes, and every piece of text escaped.
struct SVGWriter {
    /// The text written so far.
    private(set) var text = ""

    /// Appends markup that is already safe (built here from numbers and constants).
    mutating func raw(_ markup: String) { text += markup }

    /// A pixel coordinate with two decimals and no trailing zeros (`12.5`, `-3`, `0.25`).
    /// Values are clamped by `AxisMap`, so the integer conversion cannot overflow.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e9), 1e9)
        let hundredths = Int((clamped * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return hundredths == 0 ? "0" : sign + String(whole) }
        let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + decimals
    }

    /// An element `<name a="v" …/>`, or with `title` `<name …><title>…</title></name>`
    /// (the browser's hover text). Attribute values are escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)], title: String? = nil) {
        text += "<" + name
        for (key, value) in attributes { text += " " + key + "=\"" + XMLText.escaped(value) + "\"" }
        if let title {
            text += "><title>" + XMLText.escaped(title) + "</title></" + name + ">\n"
        } else {
            text += "/>\n"
        }
    }

    /// A `<text>` element at (`x`, `y`) holding `content`, escaped.
    mutating func label(_ content: String, x: Double, y: Double, anchor: String = "start", extra: [(String, String)] = [], title: String? = nil) {
        text += "<text x=\"" + Self.number(x) + "\" y=\"" + Self.number(y) + "\""
        if anchor != "start" { text += " text-anchor=\"" + anchor + "\"" }
        for (key, value) in extra { text += " " + key + "=\"" + XMLText.escaped(value) + "\"" }
        text += ">"
        if let title { text += "<title>" + XMLText.escaped(title) + "</title>" }
        text += XMLText.escaped(content) + "</text>\n"
    }

    /// A line segment from (`x1`, `y1`) to (`x2`, `y2`) with a class for CSS and a stroke.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        text += "<line x1=\"" + Self.number(x1) + "\" y1=\"" + Self.number(y1) + "\" x2=\"" + Self.number(x2)
        text += "\" y2=\"" + Self.number(y2) + "\" stroke=\"" + stroke + "\""
        if width != 1 { text += " stroke-width=\"" + Self.number(width) + "\"" }
        if let dash { text += " stroke-dasharray=\"" + dash + "\"" }
        text += "/>\n"
    }

    /// A filled rectangle; `title` becomes its hover text.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1, title: String? = nil) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))), ("height", Self.number(max(height, 0))), ("fill", fill)]
        if opacity < 1 { attributes.append(("fill-opacity", Self.number(opacity))) }
        element("rect", attributes, title: title)
    }
}
