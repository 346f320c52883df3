import Foundation

/// Where an axis starts and ends and where its labelled ticks go, in data units.
package struct Ticks: Sendable, Equatable {
    /// The range the axis spans (data fitted to it, or the fixed domain).
    package var domain: ClosedRange<Double>
    /// Tick positions inside `domain`, ascending.
    package var values: [Double]
    /// The distance between linear ticks (for label precision); for log ticks, the
    /// smallest gap between neighbouring ticks.
    package var step: Double

    /// How many ticks a linear axis aims for; the 1-2-5 rule lands within about a factor of two.
    static let target = 5

    /// Linear ticks at 1-2-5 steps for data spanning `low...high`; the domain widens to
    /// the ticks around the data unless `fixed`. A zero-width or reversed range widens
    /// around its value, so a constant series still gets an axis.
    package static func linear(_ low: Double, _ high: Double, fixed: Bool = false) -> Ticks {
        var (low, high) = (min(low, high), max(low, high))
        guard low.isFinite, high.isFinite else { return linear(0, 1) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        guard let nice = niceStep(low, high), case let step = nice.multiple(1), step.isFinite, step > 0 else {
            return Ticks(domain: low...high, values: [low, high], step: high / 2 - low / 2)
        }
        let first = fixed ? (low / step).rounded(.up) : (low / step).rounded(.down)
        let last = fixed ? (high / step).rounded(.down) : (high / step).rounded(.up)
        // Multiples of the step, not repeated additions, so 0.1-steps do not drift; kept
        // strictly increasing because far from zero `k + 1` may equal `k` in doubles.
        var values: [Double] = []
        let count = last - first
        if count.isFinite && count >= 0 {
            for i in 0...Int(min(count, Double(4 * target))) {
                let value = nice.multiple(first + Double(i))
                if value.isFinite && value > (values.last ?? -.infinity) { values.append(value) }
            }
        }
        // The widened ends may overflow near the largest doubles; the data's own ends are finite.
        let start = nice.multiple(first).isFinite ? min(low, nice.multiple(first)) : low
        let end = nice.multiple(last).isFinite ? max(high, nice.multiple(last)) : high
        let domain = fixed ? low...high : start...end
        return Ticks(domain: domain, values: values, step: step)
    }

    /// Ticks at powers of ten for positive data spanning `low...high` (every k-th power
    /// when there are many decades; also the 2s and 5s over one or two decades; 1-2-5
    /// linear steps inside a fixed range narrower than a decade). The domain widens to
    /// whole decades unless `fixed`.
    package static func log(_ low: Double, _ high: Double, fixed: Bool = false) -> Ticks {
        var (low, high) = (min(low, high), max(low, high))
        guard low.isFinite, high.isFinite, low > 0 else { return log(1, 10) }
        if low == high { (low, high) = (low / 10, high * 10) }
        var domain = low...high
        if !fixed {
            let wide = tenTo(log10(low).rounded(.down))...tenTo(log10(high).rounded(.up))
            if wide.lowerBound > 0 && wide.upperBound.isFinite { domain = wide }
        }
        // A little slack: log10 of an exact power of ten may land a hair off the integer.
        let lowPower = (log10(domain.lowerBound) - 1e-9).rounded(.up)
        let highPower = (log10(domain.upperBound) + 1e-9).rounded(.down)
        if highPower - lowPower < 1 {
            // Within a decade a power-of-ten tick may not even exist: label 1-2-5 steps instead.
            let inner = linear(domain.lowerBound, domain.upperBound, fixed: true)
            let values = inner.values.filter { $0 > 0 }
            if values.count >= 2 { return Ticks(domain: domain, values: values, step: inner.step) }
        }
        var values: [Double] = []
        if highPower - lowPower <= 2 {
            // One or two decades: powers of ten alone are too few; add their 2s and 5s.
            var power = lowPower - 1
            while power <= highPower {
                for multiple in [1.0, 2, 5] {
                    let value = power >= 0 ? multiple * tenTo(power) : multiple / tenTo(-power)
                    if value >= domain.lowerBound * (1 - 1e-12) && value <= domain.upperBound * (1 + 1e-12) { values.append(value) }
                }
                power += 1
            }
            return Ticks(domain: domain, values: values, step: values.first ?? domain.lowerBound)
        }
        let every = max(1, ((highPower - lowPower) / Double(2 * target)).rounded(.up))
        var power = (lowPower / every).rounded(.up) * every
        while power <= highPower && values.count <= 4 * target {
            let value = tenTo(power)
            if value.isFinite && value > 0 { values.append(value) }
            power += every
        }
        return Ticks(domain: domain, values: values, step: values.first ?? domain.lowerBound)
    }

    /// Ten to the integer `power`, as the double nearest the decimal (1e-3 is `0.001`).
    static func tenTo(_ power: Double) -> Double {
        power >= 0 ? pow(10, power) : 1 / pow(10, -power)
    }

    /// A 1-2-5 step: `factor` (1, 2, 5 or 10) times ten to the `exponent`.
    struct Step {
        let factor: Double
        let exponent: Double

        /// `k` steps as the double nearest the decimal k × factor × 10^exponent: below one
        /// it divides by an exact power of ten, so 3 steps of 0.0005 is exactly `0.0015`.
        func multiple(_ k: Double) -> Double {
            exponent >= 0 ? k * factor * pow(10, exponent) : k * factor / pow(10, -exponent)
        }
    }

    /// The 1-2-5 step that cuts `low...high` into about `target` pieces (d3's rule:
    /// the multiplier is chosen by how far the raw step is from a power of ten).
    static func niceStep(_ low: Double, _ high: Double) -> Step? {
        // Halves first: high - low overflows for ±1e308.
        let span = (high / 2 - low / 2) * 2
        let raw = span.isFinite ? span / Double(target) : (high / 2 - low / 2) / Double(target) * 2
        guard raw.isFinite, raw > 0 else { return nil }
        let exponent = log10(raw).rounded(.down)
        let error = raw / pow(10, exponent)
        let factor: Double = error >= 50.squareRoot() ? 10 : error >= 10.squareRoot() ? 5 : error >= 2.squareRoot() ? 2 : 1
        return Step(factor: factor, exponent: exponent)
    }
}
