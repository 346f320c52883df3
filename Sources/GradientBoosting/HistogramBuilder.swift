import Basics
import CSluicePrefetch

/// Builds the histograms of several nodes in one parallel pass over their rows.
///
/// Each node's positions are cut into blocks of a fixed size; each block is summed
/// into its own histogram on some thread, and the blocks of a node are then added
/// in block order. The blocks never depend on the thread count, so neither do the
/// sums, and the model is the same for any number of threads.
struct HistogramBuilder {
    /// One histogram to build: the rows at `positions` of the partitioner go into `histogram`.
    struct Job {
        /// The node's range of positions in the partitioner.
        var positions: Range<Int>
        /// Where the sums go.
        var histogram: Histogram
    }

    /// Positions per block.
    static let blockSize = 1 << 15
    /// Nodes with at most this many rows record which bins they fill, so that their
    /// histograms are cleared, subtracted and scanned over those bins only; larger
    /// nodes fill most bins, and skip the bookkeeping.
    static let trackedRows = 4096

    /// The binned training data.
    let matrix: BinnedMatrix
    /// Threads to use.
    let threads: Int
    /// Where the per-block partial histograms come from.
    let pool: HistogramPool

    /// Fills each job's histogram for `features`. `rows` maps positions to rows;
    /// `identity` says that position `p` holds row `p` (the unsampled root).
    func build(
        _ jobs: [Job], features: [Int], rows: UnsafePointer<UInt32>, identity: Bool,
        gradients: UnsafePointer<GradientPair>
    ) {
        // (job, block of positions); the first block of a job writes into the job's own histogram.
        var blocks: [(job: Int, positions: Range<Int>)] = []
        for (index, job) in jobs.enumerated() {
            for block in Parallel.chunks(job.positions.count, size: Self.blockSize) {
                blocks.append((index, block.shifted(by: job.positions.lowerBound)))
            }
        }
        let partials: [Histogram?] = blocks.indices.map { index in
            guard index > 0, blocks[index - 1].job == blocks[index].job else { return nil }
            // Only a large node has several blocks: its partials fill every bin, untracked.
            let partial = pool.take()
            partial.markAll(features: features)
            return partial
        }
        // The jobs' histograms come cleared from the pool; a large node's are not tracked.
        for job in jobs where job.positions.count > Self.trackedRows { job.histogram.markAll(features: features) }
        let featureCount = matrix.featureCount
        let allFeatures = features.count == featureCount
        let shared = Unchecked((rows: rows, gradients: gradients))
        matrix.bins.withUnsafeBufferPointer { bins in
            let bins = Unchecked(bins.baseAddress!)
            features.withUnsafeBufferPointer { selected in
                let selected = Unchecked(selected)
                Parallel.forEach(blocks.count, threads: threads) { index in
                    let block = blocks[index]
                    let histogram = partials[index] ?? jobs[block.job].histogram
                    let target = histogram.values
                    let occupied = jobs[block.job].positions.count > Self.trackedRows ? nil : histogram.occupied
                    let features = allFeatures ? nil : selected.value
                    if identity {
                        for position in block.positions {
                            Self.add(bins.value + position &* featureCount, shared.value.gradients[position],
                                     featureCount: featureCount, features: features, to: target, occupied: occupied)
                        }
                    } else {
                        Self.addGathered(block.positions, rows: shared.value.rows, bins: bins.value, gradients: shared.value.gradients,
                                         featureCount: featureCount, features: features, to: target, occupied: occupied)
                    }
                }
            }
        }
        // Add the other blocks of each job in block order.
        for (index, partial) in partials.enumerated() {
            guard let partial else { continue }
            let target = jobs[blocks[index].job].histogram
            for feature in features {
                let (out, add) = (target.feature(feature), partial.feature(feature))
                for slot in 0..<Histogram.stride { out[slot] += add[slot] }
            }
            pool.give(partial)
        }
    }
}

extension HistogramBuilder {
    /// Rows copied per batch before they are added.
    static let batchRows = 64

    /// Adds scattered rows in batches: first each row's bins and gradients are copied
    /// into a small local buffer, a few independent loads per row, so that the cache
    /// misses of many rows overlap; then the batch is added from the first-level cache.
    /// Adding straight from memory would leave one long dependent loop per row with a
    /// miss at its start.
    @inline(__always)
    static func addGathered(
        _ positions: Range<Int>, rows: UnsafePointer<UInt32>, bins: UnsafePointer<UInt8>,
        gradients: UnsafePointer<GradientPair>, featureCount: Int, features: UnsafeBufferPointer<Int>?,
        to target: UnsafeMutablePointer<Double>, occupied: UnsafeMutablePointer<UInt64>?
    ) {
        let pieces = (featureCount + 15) / 16, stride = pieces * 16
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: batchRows * stride) { localBins in
            withUnsafeTemporaryAllocation(of: GradientPair.self, capacity: batchRows) { localGradients in
                let raw = UnsafeMutableRawPointer(localBins.baseAddress!)
                var start = positions.lowerBound
                while start < positions.upperBound {
                    let count = min(batchRows, positions.upperBound - start)
                    for k in 0..<count {
                        let row = Int(rows[start &+ k])
                        let source = UnsafeRawPointer(bins + row &* featureCount)
                        for piece in 0..<pieces {
                            raw.storeBytes(of: source.loadUnaligned(fromByteOffset: piece &* 16, as: SIMD16<UInt8>.self),
                                           toByteOffset: k &* stride &+ piece &* 16, as: SIMD16<UInt8>.self)
                        }
                        localGradients[k] = gradients[row]
                    }
                    // While this batch is added, the next batch's rows start loading, one
                    // row per row added, so that the loads spread over the adding.
                    let next = start &+ count, ahead = min(batchRows, positions.upperBound &- next)
                    for k in 0..<count {
                        if k < ahead {
                            let row = Int(rows[next &+ k])
                            sluice_prefetch(bins + row &* featureCount)
                            sluice_prefetch(bins + (row &* featureCount &+ featureCount &- 1))
                            sluice_prefetch(gradients + row)
                        }
                        add(UnsafePointer(localBins.baseAddress! + k &* stride), localGradients[k],
                            featureCount: featureCount, features: features, to: target, occupied: occupied)
                    }
                    start &+= count
                }
            }
        }
    }

    /// Adds one row (its bins at `rowBins`) to the histogram slots at `target`, and
    /// marks its bins in `occupied` when given.
    @inline(__always)
    static func add(
        _ rowBins: UnsafePointer<UInt8>, _ pair: GradientPair, featureCount: Int, features: UnsafeBufferPointer<Int>?,
        to target: UnsafeMutablePointer<Double>, occupied: UnsafeMutablePointer<UInt64>?
    ) {
        if let occupied {
            if let features {
                for feature in features { mark(Int(rowBins[feature]), feature: feature, in: occupied) }
            } else {
                for feature in 0..<featureCount { mark(Int(rowBins[feature]), feature: feature, in: occupied) }
            }
        }
        let (g, h) = (Double(pair.g), Double(pair.h))
        if let features {
            for feature in features {
                let slot = (feature &* Histogram.stride) &+ (Int(rowBins[feature]) &<< 1)
                target[slot] += g
                target[slot &+ 1] += h
            }
        } else {
            for feature in 0..<featureCount {
                let slot = (feature &* Histogram.stride) &+ (Int(rowBins[feature]) &<< 1)
                target[slot] += g
                target[slot &+ 1] += h
            }
        }
    }
}

extension HistogramBuilder {
    /// Sets the bit of `bin` in `feature`'s occupancy words.
    @inline(__always)
    static func mark(_ bin: Int, feature: Int, in occupied: UnsafeMutablePointer<UInt64>) {
        occupied[feature &* Histogram.words &+ (bin &>> 6)] |= UInt64(1) &<< UInt64(bin & 63)
    }
}

extension Range where Bound == Int {
    /// The range moved by `offset`.
    func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
