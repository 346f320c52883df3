/// A point of a line or scatter series, in data units. (Not `Point`: macOS's Foundation has one.)
package struct ChartPoint: Sendable, Equatable {
    /// The horizontal value.
    package var x: Double
    /// The vertical value.
    package var y: Double

    /// The point at (`x`, `y`).
    package init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite numbers (not NaN, not infinite).
    var isFinite: Bool { x.isFinite && y.isFinite }
}
