/// Gradient and hessian sums per bin of every feature, for the rows of one node.
///
/// Slot `(feature * 256 + bin) * 2` holds the gradient sum and the next slot the
/// hessian sum; the missing bin is bin 255. Held in a manually allocated buffer so
/// that threads can fill different features' slots at once.
final class Histogram {
    /// Doubles per feature: 256 bins of (gradient, hessian).
    static let stride = 512
    /// The number of features.
    let featureCount: Int
    /// The sums; `featureCount * stride` doubles.
    let values: UnsafeMutablePointer<Double>

    /// A histogram of zeros.
    init(featureCount: Int) {
        self.featureCount = featureCount
        values = .allocate(capacity: featureCount * Self.stride)
        values.initialize(repeating: 0, count: featureCount * Self.stride)
    }

    deinit { values.deallocate() }

    /// The slots of `feature`.
    @inline(__always)
    func feature(_ feature: Int) -> UnsafeMutablePointer<Double> { values + feature * Self.stride }

    /// Zeroes the slots of `features`.
    func clear(features: [Int]) {
        for f in features { feature(f).update(repeating: 0, count: Self.stride) }
    }

    /// Makes this the histogram of a node's other child: `parent - sibling`, for `features`.
    func subtract(parent: Histogram, sibling: Histogram, features: [Int]) {
        for f in features {
            let (out, a, b) = (feature(f), parent.feature(f), sibling.feature(f))
            for slot in 0..<Self.stride { out[slot] = a[slot] - b[slot] }
        }
    }
}

/// Histograms kept for reuse across nodes and trees, so that building one does not
/// allocate and zero 114 KiB of fresh pages each time. Used from one thread.
final class HistogramPool {
    private let featureCount: Int
    private var free: [Histogram] = []

    /// An empty pool of histograms over `featureCount` features.
    init(featureCount: Int) { self.featureCount = featureCount }

    /// A histogram whose slots of `features` are zero.
    func take(clearing features: [Int]) -> Histogram {
        guard let histogram = free.popLast() else { return Histogram(featureCount: featureCount) }
        histogram.clear(features: features)
        return histogram
    }

    /// Returns `histogram` for reuse.
    func give(_ histogram: Histogram) { free.append(histogram) }
}
