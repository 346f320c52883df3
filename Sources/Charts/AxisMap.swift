import Foundation

/// Places values of a numeric axis on pixels: `domain` onto `start...end` (end may be
/// smaller than start, as on a y axis where up is smaller).
struct AxisMap: Sendable {
    /// The data range drawn.
    let domain: ClosedRange<Double>
    /// Whether positions follow log10 of the value.
    let isLog: Bool
    /// The pixel of `domain.lowerBound`.
    let start: Double
    /// The pixel of `domain.upperBound`.
    let end: Double

    /// How far outside the plot a coordinate may go: far enough that lines leaving the
    /// plot still point the right way, near enough that the text stays short and an
    /// integer conversion cannot overflow.
    static let limit = 100_000.0

    /// The pixel of `value`, or nil when it cannot be drawn (not finite, or not positive on a log axis).
    func position(_ value: Double) -> Double? {
        guard let fraction = fraction(value) else { return nil }
        let pixel = start + (end - start) * fraction
        return min(max(pixel, -Self.limit), Self.limit)
    }

    /// Where `value` lies in the domain: 0 at its start, 1 at its end.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if isLog {
            guard value > 0, domain.lowerBound > 0 else { return nil }
            let low = log10(domain.lowerBound), high = log10(domain.upperBound)
            return high > low ? (log10(value) - low) / (high - low) : 0.5
        }
        // Halves first, so that a domain of ±1e308 does not overflow to infinity.
        let span = domain.upperBound / 2 - domain.lowerBound / 2
        guard span > 0 else { return 0.5 }
        let fraction = (value / 2 - domain.lowerBound / 2) / span
        return fraction.isFinite ? fraction : nil
    }

    /// Whether `value` can be drawn on this axis at all.
    func accepts(_ value: Double) -> Bool {
        value.isFinite && (!isLog || value > 0)
    }
}
