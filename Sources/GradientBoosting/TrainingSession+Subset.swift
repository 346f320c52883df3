import Basics
import Dispatch

/// Training on a row subset of a set binned once (the folds of `ml tune`).
extension Booster {
    /// Trains on the rows `rows` of `binned`, with the held-out `validation` rows (raw)
    /// for early stopping when `parameters.earlyStoppingRounds` is set.
    ///
    /// The model equals what `fit` gives on those rows except for the bin edges, which
    /// come from all of `binned`'s rows. `parameters.maxBin` must be the one `binned` used.
    package static func fit(
        _ binned: BinnedTrainingSet, rows: [Int], validation: TrainingSet? = nil, parameters: BoosterParameters
    ) throws -> Booster {
        try parameters.validate()
        guard parameters.maxBin == binned.maxBin else {
            throw Diagnostic.error("the data was binned with max_bin \(binned.maxBin), not \(parameters.maxBin)")
        }
        guard !rows.isEmpty, rows.allSatisfy({ (0..<binned.rowCount).contains($0) }) else {
            throw Diagnostic.error("a training subset needs rows within 0..<\(binned.rowCount)")
        }
        try validation?.check(name: "validation", featureCount: binned.featureNames.count, objective: parameters.objective)
        if parameters.earlyStoppingRounds != nil && validation == nil {
            throw Diagnostic.error("early_stopping_rounds needs a validation set", hint: "give one, or remove early_stopping_rounds")
        }
        let labels = rows.map { binned.training.labels[$0] }
        if let index = parameters.objective.firstInvalidLabel(labels) {
            throw Diagnostic.error("label \(rows[index] + 1) is \(TrainingSet.describe(labels[index])), which \(parameters.objective.rawValue) cannot learn")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var session = TrainingSession(
            matrix: BinnedMatrix(rows: rows, of: binned.matrix), mapper: binned.mapper, labels: labels,
            featureTypes: binned.training.featureTypes, featureNames: binned.featureNames, validation: validation,
            parameters: parameters, trainingMetricEachRound: false)
        var best: (round: Int, metric: Double)?
        for round in 0..<parameters.nEstimators {
            let record = session.boostOneRound(round, elapsed: { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 })
            guard let patience = parameters.earlyStoppingRounds, let metric = record.valid else { continue }
            if best.map({ metric < $0.metric }) ?? true { best = (round, metric) }
            if let best, round - best.round >= patience { break }
        }
        var model = session.model
        // As `fit`: early stopping keeps the trees up to the best round.
        if parameters.earlyStoppingRounds != nil, let best {
            if best.round + 1 < model.trees.count { model.trees.removeSubrange((best.round + 1)...) }
            model.bestIteration = best.round
        }
        try model.checkFinite()
        return model
    }
}
