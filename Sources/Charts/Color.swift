/// An opaque sRGB colour, written as `#rrggbb` in SVG.
package struct Color: Sendable, Equatable, Hashable {
    /// Red, 0–255.
    package var red: UInt8
    /// Green, 0–255.
    package var green: UInt8
    /// Blue, 0–255.
    package var blue: UInt8

    /// The colour with these components.
    package init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The colour written `#rrggbb` or `#rgb`; nil for anything else, so that no
    /// caller's text ever reaches an SVG attribute unchecked.
    package init?(hex: String) {
        var digits = Substring(hex)
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        if digits.count == 3 { digits = Substring(digits.flatMap { [$0, $0] }) }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// `#rrggbb`, lower case.
    package var hex: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [red, green, blue] {
            text.append(digits[Int(component >> 4)])
            text.append(digits[Int(component & 0xF)])
        }
        return text
    }

    /// The colour `fraction` of the way from `self` to `other` (0 is `self`, 1 is `other`).
    func mixed(with other: Color, _ fraction: Double) -> Color {
        let t = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        func blend(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        return Color(red: blend(red, other.red), green: blend(green, other.green), blue: blend(blue, other.blue))
    }

    /// Relative luminance (0 black … 1 white), to choose readable text on a filled cell.
    var luminance: Double {
        (0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue)) / 255
    }
}
