import Basics

/// Feature columns (NaN, ±infinity and values beyond float32's range are missing) with their labels.
package struct TrainingSet: Sendable {
    /// The feature columns, all of one length.
    package var columns: [[Double]]
    /// One label per row.
    package var labels: [Double]
    /// Each feature's type; empty when every feature is numeric.
    package var featureTypes: [FeatureType]

    /// A set from columns and labels (`featureTypes` empty: all numeric).
    package init(columns: [[Double]], labels: [Double], featureTypes: [FeatureType] = []) {
        self.columns = columns
        self.labels = labels
        self.featureTypes = featureTypes
    }

    /// Whether `feature` holds category codes.
    package func isCategorical(_ feature: Int) -> Bool { featureTypes.indices.contains(feature) && featureTypes[feature] == .categorical }

    /// The number of rows.
    package var rowCount: Int { labels.count }

    /// A label as people read it: `nan`, `inf`, `-inf` or the number.
    package static func describe(_ label: Double) -> String {
        label.isNaN ? "nan" : label.isInfinite ? (label > 0 ? "inf" : "-inf") : JSONWriter.number(label)
    }

    /// Throws unless every column has one value per label, there is a row, and the labels suit `objective`.
    func check(name: String, featureCount: Int, objective: Objective) throws {
        guard columns.count == featureCount else {
            throw Diagnostic.error("the \(name) set has \(columns.count) features, expected \(featureCount)")
        }
        guard rowCount > 0 else { throw Diagnostic.error("the \(name) set has no rows") }
        if let bad = columns.firstIndex(where: { $0.count != rowCount }) {
            throw Diagnostic.error("feature \(bad) of the \(name) set has \(columns[bad].count) values for \(rowCount) labels")
        }
        guard featureTypes.isEmpty || featureTypes.count == featureCount else {
            throw Diagnostic.error("the \(name) set gives \(featureTypes.count) feature types for \(featureCount) features")
        }
        if let index = objective.firstInvalidLabel(labels) {
            throw Diagnostic.error(
                "the \(name) set's label \(index + 1) is \(Self.describe(labels[index])), which \(objective.rawValue) cannot learn",
                hint: objective.labelRequirement)
        }
    }

    /// Throws unless every categorical feature holds whole codes `0..<FeatureType.maxCategories`
    /// (or missing values): one bin per category is all a byte can hold.
    func checkCategories(name: String, featureNames: [String]) throws {
        for feature in columns.indices where isCategorical(feature) {
            let limit = Double(FeatureType.maxCategories)
            guard let row = columns[feature].firstIndex(where: { value in
                !BinMapper.isMissing(value) && !(value >= 0 && value < limit && value == value.rounded(.down))
            }) else { continue }
            let featureName = featureNames.indices.contains(feature) ? featureNames[feature] : "\(feature)"
            throw Diagnostic.error(
                "categorical feature '\(featureName)' of the \(name) set has \(Self.describe(columns[feature][row])) in row \(row + 1); category codes must be whole numbers 0...\(FeatureType.maxCategories - 1)",
                hint: "at most \(FeatureType.maxCategories) categories per feature: pool rare categories, or encode the column another way")
        }
    }
}

/// The metrics of one boosting round.
package struct RoundRecord: Sendable, Equatable {
    /// The round, from 0.
    package var round: Int
    /// The rounds planned (`n_estimators`); early stopping may end sooner.
    package var plannedRounds: Int
    /// The training metric (`rmse` or `logloss`); nil when training was asked not to compute it.
    package var train: Double?
    /// The validation metric, when there is a validation set.
    package var valid: Double?
    /// Seconds since training began.
    package var elapsed: Double
}
