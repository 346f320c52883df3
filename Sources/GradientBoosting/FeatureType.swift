/// How the trees treat a feature: by value (`x < threshold`) or by category.
///
/// A categorical feature's values are category codes `0, 1, 2, …` as numbers (NaN
/// and the other missing values as for numbers); its splits send a set of categories
/// one way, as XGBoost's `enable_categorical` does.
package enum FeatureType: Sendable, Equatable {
    /// Ordered values, split at thresholds.
    case numeric
    /// Category codes, split into sets.
    case categorical

    /// The most categories a feature can have in training: one bin per code, codes
    /// 0...254, since byte 255 marks missing values.
    package static let maxCategories = 255

    /// The name in XGBoost's `feature_types`: `c` for categories, `float` for numbers.
    package var xgboostName: String { self == .categorical ? "c" : "float" }
}

/// A set of category codes below 256 (the bins of a categorical feature), as 256 bits.
struct CategoryBits: Sendable, Equatable {
    /// Bit `code % 64` of word `code / 64`.
    var words = SIMD4<UInt64>(repeating: 0)

    /// Adds `code` (0..<256).
    mutating func insert(_ code: Int) { words[code >> 6] |= 1 << UInt64(code & 63) }

    /// Whether `code` (0..<256) is in the set.
    @inline(__always)
    func contains(_ code: Int) -> Bool { words[code >> 6] >> UInt64(code & 63) & 1 != 0 }

    /// The codes in the set, ascending.
    var codes: [Int32] { (0..<256).filter(contains).map { Int32($0) } }

    /// The set of `codes` below 256 (larger codes cannot be bins and are left out).
    init<Codes: Sequence>(_ codes: Codes) where Codes.Element == Int32 {
        for code in codes where (0..<256).contains(code) { insert(Int(code)) }
    }

    /// The empty set.
    init() {}
}
