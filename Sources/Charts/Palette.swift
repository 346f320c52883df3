/// The colours series get when they name none.
package enum Palette {
    /// Okabe and Ito's palette, distinguishable with the common colour-vision
    /// deficiencies; yellow comes late because it is faint on white. Blue and orange
    /// first, so the usual pair (reference vs current, train vs valid) contrasts most.
    package static let colorBlindSafe: [Color] = [
        Color(red: 0x00, green: 0x72, blue: 0xB2),  // blue
        Color(red: 0xE6, green: 0x9F, blue: 0x00),  // orange
        Color(red: 0x00, green: 0x9E, blue: 0x73),  // bluish green
        Color(red: 0xD5, green: 0x5E, blue: 0x00),  // vermillion
        Color(red: 0xCC, green: 0x79, blue: 0xA7),  // reddish purple
        Color(red: 0x56, green: 0xB4, blue: 0xE9),  // sky blue
        Color(red: 0x00, green: 0x00, blue: 0x00),  // black
        Color(red: 0xF0, green: 0xE4, blue: 0x42),  // yellow
    ]

    /// The colour of the series at `index`: its own, or the palette's, cycling.
    package static func color(_ own: Color?, at index: Int) -> Color {
        own ?? colorBlindSafe[index % colorBlindSafe.count]
    }

    /// The low end of the heatmap scale (near white) and the high end (dark blue).
    static let heatLow = Color(red: 0xF7, green: 0xFB, blue: 0xFF)
    static let heatHigh = Color(red: 0x08, green: 0x30, blue: 0x6B)
}
