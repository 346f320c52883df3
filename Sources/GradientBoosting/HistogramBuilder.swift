/// Builds the histograms of several nodes in one parallel pass over features.
///
/// Each feature's slots are filled by one thread, visiting the rows of each node in
/// partition order, so the sums (and thus the model) are the same for every thread
/// count. The gradients of a node's rows are first gathered into position order, so
/// the per-feature loops read them sequentially instead of 28 times at random.
struct HistogramBuilder {
    /// One histogram to build: the rows at `positions` of the partitioner go into `histogram`.
    struct Job {
        /// The node's range of positions in the partitioner.
        var positions: Range<Int>
        /// Where the sums go (cleared first).
        var histogram: Histogram
    }

    /// The binned training data.
    let matrix: BinnedMatrix
    /// Threads to use.
    let threads: Int

    /// Fills each job's histogram for `features`. `rows` maps positions to rows;
    /// `identity` says that position `p` holds row `p` (the unsampled root).
    func build(
        _ jobs: [Job], features: [Int], rows: UnsafePointer<UInt32>, identity: Bool,
        gradients: UnsafePointer<GradientPair>, scratch: UnsafeMutablePointer<GradientPair>
    ) {
        guard !jobs.isEmpty else { return }
        let gathered: UnsafePointer<GradientPair>
        if identity {
            gathered = gradients
        } else {
            gather(jobs, rows: rows, gradients: gradients, into: scratch)
            gathered = UnsafePointer(scratch)
        }
        for job in jobs { job.histogram.clear(features: features) }
        let shared = Unchecked((rows: rows, gathered: gathered))
        let rowCount = matrix.rowCount
        matrix.bins.withUnsafeBufferPointer { bins in
            let bins = Unchecked(bins.baseAddress!)
            Parallel.forEach(features.count, threads: threads) { index in
                let feature = features[index]
                let column = bins.value + feature * rowCount
                for job in jobs {
                    let slots = job.histogram.feature(feature)
                    if identity {
                        Self.accumulate(column, shared.value.gathered, positions: job.positions, into: slots)
                    } else {
                        Self.accumulate(column, shared.value.rows, shared.value.gathered, positions: job.positions, into: slots)
                    }
                }
            }
        }
    }

    /// Copies the gradients of each job's rows into position order, in fixed chunks.
    private func gather(
        _ jobs: [Job], rows: UnsafePointer<UInt32>, gradients: UnsafePointer<GradientPair>,
        into scratch: UnsafeMutablePointer<GradientPair>
    ) {
        let chunks = jobs.flatMap { job in
            Parallel.chunks(job.positions.count, size: 1 << 15).map { $0.shifted(by: job.positions.lowerBound) }
        }
        let shared = Unchecked((rows: rows, gradients: gradients, scratch: scratch))
        Parallel.forEach(chunks.count, threads: threads) { index in
            let (rows, gradients, scratch) = shared.value
            for position in chunks[index] { scratch[position] = gradients[Int(rows[position])] }
        }
    }

    /// Adds the rows at `positions` (looked up through `rows`) to one feature's slots.
    @inline(__always)
    private static func accumulate(
        _ column: UnsafePointer<UInt8>, _ rows: UnsafePointer<UInt32>, _ gathered: UnsafePointer<GradientPair>,
        positions: Range<Int>, into slots: UnsafeMutablePointer<Double>
    ) {
        for position in positions {
            let bin = Int(column[Int(rows[position])]) &<< 1
            let pair = gathered[position]
            slots[bin] += Double(pair.g)
            slots[bin + 1] += Double(pair.h)
        }
    }

    /// Adds the rows at `positions` to one feature's slots when position equals row.
    @inline(__always)
    private static func accumulate(
        _ column: UnsafePointer<UInt8>, _ gathered: UnsafePointer<GradientPair>,
        positions: Range<Int>, into slots: UnsafeMutablePointer<Double>
    ) {
        for position in positions {
            let bin = Int(column[position]) &<< 1
            let pair = gathered[position]
            slots[bin] += Double(pair.g)
            slots[bin + 1] += Double(pair.h)
        }
    }
}

extension Range where Bound == Int {
    /// The range moved by `offset`.
    func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
