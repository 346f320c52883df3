import Basics
import Dispatch

extension Booster {
    /// Trains a model on `training`, reporting each round to `onRound`.
    ///
    /// `trainingMetricEachRound: false` leaves each round's training metric out of its
    /// record (nil), which saves a pass of logarithms per round when nobody reads it.
    /// With a `validation` set, its metric is reported too, and training stops early
    /// when `earlyStoppingRounds` is set and the metric has not improved for that many
    /// rounds; the model then keeps the trees up to the best round.
    package static func train(
        _ training: TrainingSet, featureNames: [String], validation: TrainingSet? = nil,
        parameters: BoosterParameters, trainingMetricEachRound: Bool = true, onRound: (RoundRecord) -> Void = { _ in }
    ) throws -> Booster {
        try fit(training, featureNames: featureNames, validation: validation, parameters: parameters,
                trainingMetricEachRound: trainingMetricEachRound, onRound: onRound).model
    }

    /// Trains as `train` does, and also returns the model's predictions for the
    /// training rows (kept up to date while boosting, so they cost nothing more).
    package static func fit(
        _ training: TrainingSet, featureNames: [String], validation: TrainingSet? = nil,
        parameters: BoosterParameters, trainingMetricEachRound: Bool = true, onRound: (RoundRecord) -> Void = { _ in }
    ) throws -> (model: Booster, trainingPredictions: [Double]) {
        try parameters.validate()
        let objective = parameters.objective
        try training.check(name: "training", featureCount: featureNames.count, objective: objective)
        try validation?.check(name: "validation", featureCount: featureNames.count, objective: objective)
        try training.checkCategories(name: "training", featureNames: featureNames)
        if parameters.earlyStoppingRounds != nil && validation == nil {
            throw Diagnostic.error("early_stopping_rounds needs a validation set", hint: "give one, or remove early_stopping_rounds")
        }
        if parameters.booster == .gblinear {
            return try fitLinear(training, featureNames: featureNames, validation: validation, parameters: parameters,
                                 trainingMetricEachRound: trainingMetricEachRound, onRound: onRound)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var session = TrainingSession(training: training, featureNames: featureNames, validation: validation, parameters: parameters,
                                      trainingMetricEachRound: trainingMetricEachRound)
        var best: (round: Int, metric: Double)?
        for round in 0..<parameters.nEstimators {
            let record = session.boostOneRound(round, elapsed: { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 })
            onRound(record)
            guard let rounds = parameters.earlyStoppingRounds, let metric = record.valid else { continue }
            if best.map({ metric < $0.metric }) ?? true { best = (round, metric) }
            if let best, round - best.round >= rounds { break }
        }
        var model = session.model
        // A round holds `num_parallel_tree` trees.
        let kept = best.map { ($0.round + 1) * model.treesPerRound } ?? model.trees.count
        if let best, kept < model.trees.count {
            model.trees.removeSubrange(kept...)
            model.bestIteration = best.round
            try model.checkFinite()
            return (model, model.predict(columns: training.columns, threads: parameters.threadCount))
        }
        if parameters.earlyStoppingRounds != nil, let best { model.bestIteration = best.round }
        // Arithmetic that overflowed float32 would leave a model no file can hold.
        try model.checkFinite()
        return (model, session.trainingPredictions)
    }
}
