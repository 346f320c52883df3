extension HistogramBuilder {
    /// Fills the histogram of one job of at most `blockSize` positions (one block) for
    /// `features`: the sums `build` makes of it, without the lists of blocks and
    /// partial histograms that `build` keeps for large and parallel jobs.
    func buildSmall(_ job: Job, features: [Int], rows: UnsafePointer<UInt32>, gradients: UnsafePointer<GradientPair>) {
        let featureCount = matrix.featureCount
        let tracked = job.positions.count <= Self.trackedRows
        // The histogram comes cleared from the pool; a large node's is not tracked.
        if !tracked { job.histogram.markAll(features: features) }
        let occupied = tracked ? job.histogram.occupied : nil
        matrix.bins.withUnsafeBufferPointer { bins in
            features.withUnsafeBufferPointer { selected in
                Self.addGathered(job.positions, rows: rows, bins: bins.baseAddress!, gradients: gradients, featureCount: featureCount,
                                 features: features.count == featureCount ? nil : selected, to: job.histogram.values, occupied: occupied)
            }
        }
    }
}
