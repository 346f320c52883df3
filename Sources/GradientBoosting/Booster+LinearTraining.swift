import Basics
import Dispatch

/// Training `booster: gblinear`: XGBoost's linear booster, one coordinate-descent pass
/// over the bias and the features per round.
extension Booster {
    /// Trains a linear model as `fit` does for trees (same checks, records, early
    /// stopping); `fit` calls it for `booster: gblinear`. Tree parameters are ignored,
    /// as XGBoost ignores them; native categorical features are refused.
    static func fitLinear(
        _ training: TrainingSet, featureNames: [String], validation: TrainingSet?,
        parameters: BoosterParameters, trainingMetricEachRound: Bool, onRound: (RoundRecord) -> Void
    ) throws -> (model: Booster, trainingPredictions: [Double]) {
        if let feature = training.featureTypes.firstIndex(of: .categorical) {
            let name = featureNames.indices.contains(feature) ? featureNames[feature] : "\(feature)"
            throw Diagnostic.error(
                "booster gblinear cannot use the categorical feature '\(name)': a linear model needs numbers",
                hint: "one-hot encode it (prepare's `encoding: {method: onehot}`), or use booster: gbtree")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let threads = parameters.threadCount, objective = parameters.objective
        let baseScore = parameters.baseScore ?? objective.defaultBaseScore(training.labels)
        var model = Booster(objective: objective, baseScore: baseScore, trees: [], featureNames: featureNames)
        model.linear = LinearModel(weights: [Float](repeating: 0, count: featureNames.count), bias: 0, rounds: 0)
        // XGBoost's rows hold float32 values; a missing value is absent from them.
        let columns = training.columns.map { column in column.map { BinMapper.isMissing($0) ? Float.nan : Float($0) } }
        let labels = training.labels.map { Float($0) }
        let validationLabels = validation?.labels.map { Float($0) } ?? []
        let updater = CoordinateDescent(learningRate: parameters.learningRate, regLambda: parameters.regLambda,
                                        regAlpha: parameters.regAlpha, rowCount: training.rowCount, threads: threads)
        var margins = [Float](repeating: model.baseMargin, count: training.rowCount)
        var gradients = [GradientPair](repeating: GradientPair(g: 0, h: 0), count: training.rowCount)
        _ = objective.gradients(labels: labels, margins: margins, into: &gradients, threads: threads, withMetric: false)
        var best: (round: Int, metric: Double, model: LinearModel)?
        for round in 0..<parameters.nEstimators {
            guard var linear = model.linear else { break }
            updater.update(&linear, gradients: &gradients, columns: columns)
            linear.rounds += 1
            model.linear = linear
            // XGBoost predicts afresh from the weights each round; so do we, in float32.
            margins = linear.margins(columns: training.columns, base: model.baseMargin, threads: threads)
            let train = objective.gradients(labels: labels, margins: margins, into: &gradients, threads: threads,
                                            withMetric: trainingMetricEachRound)
            var valid: Double?
            if let validation {
                let validationMargins = linear.margins(columns: validation.columns, base: model.baseMargin, threads: threads)
                valid = objective.metric(labels: validationLabels, margins: validationMargins, threads: threads)
            }
            onRound(RoundRecord(round: round, plannedRounds: parameters.nEstimators, train: train, valid: valid,
                                elapsed: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            guard let rounds = parameters.earlyStoppingRounds, let metric = valid else { continue }
            if best.map({ metric < $0.metric }) ?? true { best = (round, metric, linear) }
            if let best, round - best.round >= rounds { break }
        }
        if let best {
            // The weights of the best round, which a file holds without needing a prediction range.
            model.bestIteration = best.round
            if best.model != model.linear {
                model.linear = best.model
                margins = best.model.margins(columns: training.columns, base: model.baseMargin, threads: threads)
            }
        }
        try model.checkFinite()
        return (model, margins.map { Double(objective.transform($0)) })
    }
}

extension Objective {
    /// Writes the gradients of `margins` into `out` (in fixed chunks) and, `withMetric`,
    /// returns the training metric of the margins.
    func gradients(labels: [Float], margins: [Float], into out: inout [GradientPair], threads: Int, withMetric: Bool) -> Double? {
        let chunks = Parallel.chunks(labels.count, size: 1 << 16)
        let sums = labels.withUnsafeBufferPointer { labels in
            margins.withUnsafeBufferPointer { margins in
                out.withUnsafeMutableBufferPointer { out in
                    let shared = Unchecked((labels.baseAddress!, margins.baseAddress!, out.baseAddress!))
                    return Parallel.map(chunks.count, threads: threads) { chunk in
                        let (labels, margins, out) = shared.value
                        return gradients(labels: labels, margins: margins, into: out, rows: chunks[chunk], withLoss: withMetric)
                    }
                }
            }
        }
        return withMetric ? metric(lossSum: sums.reduce(0, +), count: labels.count) : nil
    }
}
