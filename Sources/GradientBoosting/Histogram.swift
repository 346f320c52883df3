/// Gradient and hessian sums per bin of every feature, for the rows of one node.
///
/// Slot `(feature * 256 + bin) * 2` holds the gradient sum and the next slot the
/// hessian sum; the missing bin is bin 255. Held in a manually allocated buffer so
/// that threads can fill different features' slots at once.
///
/// Each feature also has a bitmap of the bins that may hold rows; every bin outside
/// it is zero. A small node fills a few bins of 256, so clearing, subtracting and
/// scanning visit only those; a large node marks every bin and costs what it did.
final class Histogram {
    /// Doubles per feature: 256 bins of (gradient, hessian).
    static let stride = 512
    /// Bitmap words per feature: 256 bins.
    static let words = 4
    /// The number of features.
    let featureCount: Int
    /// The sums; `featureCount * stride` doubles.
    let values: UnsafeMutablePointer<Double>
    /// The bins that may be non-zero, `words` per feature, bin `b` at bit `b % 64` of word `b / 64`.
    let occupied: UnsafeMutablePointer<UInt64>

    /// A histogram of zeros.
    init(featureCount: Int) {
        self.featureCount = featureCount
        values = .allocate(capacity: featureCount * Self.stride)
        values.initialize(repeating: 0, count: featureCount * Self.stride)
        occupied = .allocate(capacity: featureCount * Self.words)
        occupied.initialize(repeating: 0, count: featureCount * Self.words)
    }

    deinit {
        values.deallocate()
        occupied.deallocate()
    }

    /// The slots of `feature`.
    @inline(__always)
    func feature(_ feature: Int) -> UnsafeMutablePointer<Double> { values + feature * Self.stride }

    /// The occupancy words of `feature`.
    @inline(__always)
    func occupancy(_ feature: Int) -> UnsafeMutablePointer<UInt64> { occupied + feature * Self.words }

    /// Zeroes every occupied bin of every feature.
    func clear() {
        for f in 0..<featureCount {
            let (slots, bits) = (feature(f), occupancy(f))
            for word in 0..<Self.words where bits[word] != 0 {
                if bits[word] == .max {
                    (slots + word * 128).update(repeating: 0, count: 128)
                } else {
                    Self.forEachBin(in: bits[word], word: word) { bin in
                        slots[2 &* bin] = 0
                        slots[2 &* bin &+ 1] = 0
                    }
                }
                bits[word] = 0
            }
        }
    }

    /// Marks every bin of `features` as possibly occupied: for sums added without tracking.
    func markAll(features: [Int]) {
        for f in features { occupancy(f).update(repeating: .max, count: Self.words) }
    }

    /// Makes this histogram, a node's, that of its larger child: the node's minus
    /// `sibling`'s (the smaller child's), for `features`, over this histogram's
    /// occupied bins (which hold every bin of both children). In place, so that no
    /// third histogram is cleared and written. A bin whose difference is zero ends
    /// unmarked (and zero): the split scan then meets no empty bin it would have to
    /// skip, a branch it cannot predict.
    func subtract(_ sibling: Histogram, features: [Int]) {
        for f in features { subtract(sibling, feature: f) }
    }

    /// `subtract(sibling, features: [f])`.
    @inline(__always)
    func subtract(_ sibling: Histogram, feature f: Int) {
        let (out, b) = (feature(f), sibling.feature(f))
        let bits = occupancy(f)
        for word in 0..<Self.words {
            if bits[word] == .max {
                // A large node's: every bin, as before the bitmaps.
                for slot in (word &* 128)..<(word &* 128 &+ 128) { out[slot] = out[slot] - b[slot] }
                continue
            }
            var kept: UInt64 = 0
            Self.forEachBin(in: bits[word], word: word) { bin in
                let g = out[2 &* bin] - b[2 &* bin], h = out[2 &* bin &+ 1] - b[2 &* bin &+ 1]
                out[2 &* bin] = g
                out[2 &* bin &+ 1] = h
                kept |= (g != 0 || h != 0 ? 1 : 0) &<< UInt64(bin & 63)
            }
            bits[word] = kept
        }
    }

    /// Calls `body` with the bin of each set bit of occupancy word `word`, ascending.
    @inline(__always)
    static func forEachBin(in bits: UInt64, word: Int, _ body: (Int) -> Void) {
        var rest = bits
        while rest != 0 {
            body(word &* 64 &+ rest.trailingZeroBitCount)
            rest &= rest &- 1
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

    /// A histogram of zeros.
    func take() -> Histogram {
        guard let histogram = free.popLast() else { return Histogram(featureCount: featureCount) }
        histogram.clear()
        return histogram
    }

    /// Returns `histogram` for reuse.
    func give(_ histogram: Histogram) { free.append(histogram) }
}
