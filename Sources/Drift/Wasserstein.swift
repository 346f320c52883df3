/// The Wasserstein-1 (earth mover's) distance between two empirical distributions,
/// as `scipy.stats.wasserstein_distance(u, v)`: `∫ |F_u(x) − F_v(x)| dx`.
package enum Wasserstein {
    /// The distance and the same divided by the reference's spread, which makes it
    /// comparable across columns in different units.
    package struct Normalized: Sendable, Equatable {
        /// The distance in the column's own units.
        package var distance: Double
        /// The reference's population standard deviation (ddof = 0, as `numpy.std`).
        package var referenceStandardDeviation: Double
        /// `distance / max(referenceStandardDeviation, 0.001)` (Evidently's rule).
        package var normalized: Double
        /// Why the normalisation did not divide by the standard deviation itself, when it
        /// did not: a constant (or nearly constant) reference column.
        package var note: String?

        /// Divides `distance` by the spread, or by `DriftDefaults.standardDeviationFloor`
        /// when the spread is below it, saying so.
        package init(distance: Double, referenceStandardDeviation: Double) {
            self.distance = distance
            self.referenceStandardDeviation = referenceStandardDeviation
            let floor = DriftDefaults.standardDeviationFloor
            if referenceStandardDeviation >= floor {
                normalized = distance / referenceStandardDeviation
                note = nil
            } else {
                normalized = distance / floor
                note = referenceStandardDeviation == 0
                    ? "the reference column is constant: the distance is divided by \(floor) instead of its standard deviation"
                    : "the reference standard deviation is below \(floor): the distance is divided by \(floor) instead"
            }
        }
    }

    /// The distance between two samples; nil when either is empty.
    package static func distance(reference: NumericSample, current: NumericSample) -> Double? {
        let a = reference.sortedValues, b = current.sortedValues
        let n1 = a.count, n2 = b.count
        guard n1 > 0, n2 > 0 else { return nil }
        let scale1 = Double(n1), scale2 = Double(n2)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, total = 0.0
                var value = min(a[0], b[0])
                // Between consecutive distinct values both distribution functions are flat.
                while i < n1 || j < n2 {
                    while i < n1, a[i] <= value { i += 1 }
                    while j < n2, b[j] <= value { j += 1 }
                    guard i < n1 || j < n2 else { break }
                    let next = j >= n2 || (i < n1 && a[i] < b[j]) ? a[i] : b[j]
                    total += abs(Double(i) / scale1 - Double(j) / scale2) * (next - value)
                    value = next
                }
                return total
            }
        }
    }

    /// The distance and its normalisation by the reference's spread; nil when either
    /// sample is empty.
    package static func normalized(reference: NumericSample, current: NumericSample) -> Normalized? {
        guard let distance = distance(reference: reference, current: current),
              let spread = reference.standardDeviation else { return nil }
        return Normalized(distance: distance, referenceStandardDeviation: spread)
    }
}
