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

    /// The binned training data.
    let matrix: BinnedMatrix
    /// Threads to use.
    let threads: Int

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
            index == 0 || blocks[index - 1].job != blocks[index].job ? nil : Histogram(featureCount: matrix.featureCount)
        }
        for job in jobs { job.histogram.clear(features: features) }
        let featureCount = matrix.featureCount
        let allFeatures = features.count == featureCount
        let shared = Unchecked((rows: rows, gradients: gradients))
        matrix.bins.withUnsafeBufferPointer { bins in
            let bins = Unchecked(bins.baseAddress!)
            features.withUnsafeBufferPointer { selected in
                let selected = Unchecked(selected)
                Parallel.forEach(blocks.count, threads: threads) { index in
                    let block = blocks[index]
                    let target = (partials[index] ?? jobs[block.job].histogram).values
                    for position in block.positions {
                        let row = identity ? position : Int(shared.value.rows[position])
                        let pair = shared.value.gradients[row]
                        let (g, h) = (Double(pair.g), Double(pair.h))
                        let rowBins = bins.value + row * featureCount
                        if allFeatures {
                            for feature in 0..<featureCount {
                                let slot = (feature &* Histogram.stride) &+ (Int(rowBins[feature]) &<< 1)
                                target[slot] += g
                                target[slot &+ 1] += h
                            }
                        } else {
                            for feature in selected.value {
                                let slot = (feature &* Histogram.stride) &+ (Int(rowBins[feature]) &<< 1)
                                target[slot] += g
                                target[slot &+ 1] += h
                            }
                        }
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
        }
    }
}

extension Range where Bound == Int {
    /// The range moved by `offset`.
    func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
