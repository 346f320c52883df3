import Drift

/// A numeric reference column: the training split's values (exact statistics), or
/// their profile (exact for columns with few distinct values, sketched otherwise).
enum NumericReference {
    /// The values themselves, and their decile bins (fitted once).
    case sample(NumericSample, QuantileBins?)
    /// A reference profile's summary.
    case profile(NumericProfile)

    /// Non-missing values.
    var count: Int {
        switch self {
        case .sample(let sample, _): sample.count
        case .profile(let profile): profile.count
        }
    }

    /// Missing values as a share of all.
    var missingRate: Double {
        switch self {
        case .sample(let sample, _): sample.missingRate
        case .profile(let profile): profile.missingRate
        }
    }

    /// Two-sample Kolmogorov–Smirnov against `current`.
    func kolmogorovSmirnov(_ current: NumericSample) -> KolmogorovSmirnov.Result? {
        switch self {
        case .sample(let sample, _): KolmogorovSmirnov.test(reference: sample, current: current)
        case .profile(let profile): profile.kolmogorovSmirnov(current)
        }
    }

    /// Wasserstein distance, normalised by the reference's standard deviation.
    func wasserstein(_ current: NumericSample) -> Wasserstein.Normalized? {
        switch self {
        case .sample(let sample, _): Wasserstein.normalized(reference: sample, current: current)
        case .profile(let profile): profile.wasserstein(current)
        }
    }

    /// The reference's decile bins, for pictures.
    var bins: QuantileBins? {
        switch self {
        case .sample(_, let bins): bins
        case .profile(let profile): profile.bins
        }
    }
}

extension NumericReference {
    /// Reference values, with their bins fitted.
    static func sample(_ sample: NumericSample) -> NumericReference { .sample(sample, QuantileBins(reference: sample)) }
}
